package org.wafersim.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A write-behind buffer in front of a {@link FileChannel}: consecutive relative writes are gathered into one direct
 * buffer and handed to the file in large positional writes. Any other operation (a seek, a positional write, a read,
 * the size) first writes out what is buffered, so the file ends up byte for byte what the unbuffered channel would
 * have written.
 *
 * <p>Why: jhdf writes an n-D dataset one last-axis row per {@code write} call, 669 doubles (5.3 KB) for a cell
 * field of the default wafer, some 37,000 system calls for a 195 MB result; each pays a copy into the JDK's
 * temporary direct buffer and the system call's fixed cost (on the development machine 121 MB took 0.32 s in 5 KB
 * writes against 0.05 s in 1 MB writes). Not thread-safe, as jhdf's own use of its channel.
 */
final class BufferedWriteChannel extends FileChannel {
    private final FileChannel out;
    private final ByteBuffer buffer;
    /** The logical position: where the next relative write goes (the buffer holds the bytes just before it). */
    private long position;

    BufferedWriteChannel(FileChannel out, int bufferBytes) throws IOException {
        this.out = out;
        this.buffer = ByteBuffer.allocateDirect(bufferBytes);
        this.position = out.position();
    }

    /** Writes the buffered bytes at their place in the file and empties the buffer. */
    private void drain() throws IOException {
        buffer.flip();
        long at = position - buffer.remaining();
        while (buffer.hasRemaining()) at += out.write(buffer, at);
        buffer.clear();
    }

    @Override public int write(ByteBuffer src) throws IOException {
        int n = src.remaining();
        if (n > buffer.remaining()) drain();
        if (n > buffer.capacity()) {
            long at = position;
            while (src.hasRemaining()) at += out.write(src, at);
        } else {
            buffer.put(src);
        }
        position += n;
        return n;
    }

    @Override public int write(ByteBuffer src, long at) throws IOException {
        drain();
        int n = 0;
        while (src.hasRemaining()) n += out.write(src, at + n);
        return n;
    }

    @Override public long position() { return position; }

    @Override public FileChannel position(long p) throws IOException {
        if (p < 0) throw new IllegalArgumentException("negative position " + p);
        if (p != position) {
            drain();
            position = p;
        }
        return this;
    }

    @Override public long size() throws IOException {
        drain();
        return out.size();
    }

    @Override public int read(ByteBuffer dst) throws IOException {
        drain();
        int n = out.read(dst, position);
        if (n > 0) position += n;
        return n;
    }

    @Override public int read(ByteBuffer dst, long at) throws IOException {
        drain();
        return out.read(dst, at);
    }

    @Override public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        long n = 0;
        for (int i = offset; i < offset + length; i++) n += write(srcs[i]);
        return n;
    }

    @Override public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        long n = 0;
        for (int i = offset; i < offset + length; i++) {
            int r = read(dsts[i]);
            if (r < 0) return n == 0 ? -1 : n;
            n += r;
            if (dsts[i].hasRemaining()) break;
        }
        return n;
    }

    @Override public FileChannel truncate(long size) throws IOException {
        drain();
        out.truncate(size);
        position = Math.min(position, size);
        return this;
    }

    @Override public void force(boolean metaData) throws IOException {
        drain();
        out.force(metaData);
    }

    @Override public long transferTo(long at, long count, WritableByteChannel target) throws IOException {
        drain();
        return out.transferTo(at, count, target);
    }

    @Override public long transferFrom(ReadableByteChannel src, long at, long count) throws IOException {
        drain();
        return out.transferFrom(src, at, count);
    }

    @Override public MappedByteBuffer map(MapMode mode, long at, long size) throws IOException {
        drain();
        return out.map(mode, at, size);
    }

    @Override public FileLock lock(long at, long size, boolean shared) throws IOException {
        drain();
        return out.lock(at, size, shared);
    }

    @Override public FileLock tryLock(long at, long size, boolean shared) throws IOException {
        drain();
        return out.tryLock(at, size, shared);
    }

    @Override protected void implCloseChannel() throws IOException {
        try {
            drain();
        } finally {
            out.close();
        }
    }
}
