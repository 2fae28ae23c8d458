package org.wafersim.io;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.spi.FileSystemProvider;
import java.util.Map;
import java.util.Set;

/**
 * A {@link Path} whose {@link FileChannel} is a {@link BufferedWriteChannel} on the real file: the one way to hand
 * jhdf a buffered channel, since {@code HdfFile.write(Path)} opens its channel itself
 * ({@code FileChannel.open(path, ...)}, which asks the path's file system provider). Only what that needs is
 * implemented (opening a file channel, the absolute path jhdf logs, {@code toFile}); every other operation of the
 * path, its file system and provider throws {@link UnsupportedOperationException}.
 */
final class BufferedPath implements Path {
    private final Path real;
    private final BufferedFileSystem fs;

    private BufferedPath(Path real, int bufferBytes) {
        this.real = real;
        this.fs = new BufferedFileSystem(new Provider(real.getFileSystem().provider(), bufferBytes),
                real.getFileSystem().getSeparator());
    }

    /** {@code real} (a file of the default file system), opened through a write buffer of {@code bufferBytes}. */
    static Path of(Path real, int bufferBytes) {
        if (bufferBytes <= 0) throw new IllegalArgumentException("buffer of " + bufferBytes + " bytes");
        return new BufferedPath(real, bufferBytes);
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("a buffered output path only opens a file channel");
    }

    @Override public FileSystem getFileSystem() { return fs; }
    @Override public Path toAbsolutePath() { return real.toAbsolutePath(); }
    @Override public File toFile() { return real.toFile(); }
    @Override public String toString() { return real.toString(); }
    @Override public boolean isAbsolute() { return real.isAbsolute(); }
    @Override public Path getFileName() { return real.getFileName(); }
    @Override public Path getParent() { return real.getParent(); }
    @Override public Path getRoot() { return real.getRoot(); }
    @Override public int getNameCount() { return real.getNameCount(); }
    @Override public Path getName(int index) { return real.getName(index); }
    @Override public Path subpath(int beginIndex, int endIndex) { return real.subpath(beginIndex, endIndex); }
    @Override public Path normalize() { return real.normalize(); }
    @Override public URI toUri() { return real.toUri(); }
    @Override public Path toRealPath(LinkOption... options) throws IOException { return real.toRealPath(options); }
    @Override public boolean startsWith(Path other) { throw unsupported(); }
    @Override public boolean endsWith(Path other) { throw unsupported(); }
    @Override public Path resolve(Path other) { throw unsupported(); }
    @Override public Path relativize(Path other) { throw unsupported(); }
    @Override public int compareTo(Path other) { throw unsupported(); }
    @Override public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events,
                                       WatchEvent.Modifier... modifiers) { throw unsupported(); }
    @Override public boolean equals(Object o) { return o instanceof BufferedPath p && p.real.equals(real); }
    @Override public int hashCode() { return real.hashCode(); }

    private static Path realOf(Path p) {
        if (p instanceof BufferedPath b) return b.real;
        throw unsupported();
    }

    /** Opens channels on the real file through the real provider, buffered. */
    private static final class Provider extends FileSystemProvider {
        private final FileSystemProvider real;
        private final int bufferBytes;

        Provider(FileSystemProvider real, int bufferBytes) {
            this.real = real;
            this.bufferBytes = bufferBytes;
        }

        @Override public FileChannel newFileChannel(Path path, Set<? extends OpenOption> options,
                                                    FileAttribute<?>... attrs) throws IOException {
            FileChannel ch = real.newFileChannel(realOf(path), options, attrs);
            try {
                return new BufferedWriteChannel(ch, bufferBytes);
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        }

        @Override public String getScheme() { return "wafersim-buffered"; }
        @Override public FileSystem newFileSystem(URI uri, Map<String, ?> env) { throw unsupported(); }
        @Override public FileSystem getFileSystem(URI uri) { throw unsupported(); }
        @Override public Path getPath(URI uri) { throw unsupported(); }
        @Override public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options,
                                                            FileAttribute<?>... attrs) { throw unsupported(); }
        @Override public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> f) {
            throw unsupported();
        }
        @Override public void createDirectory(Path dir, FileAttribute<?>... attrs) { throw unsupported(); }
        @Override public void delete(Path path) { throw unsupported(); }
        @Override public void copy(Path source, Path target, CopyOption... options) { throw unsupported(); }
        @Override public void move(Path source, Path target, CopyOption... options) { throw unsupported(); }
        @Override public boolean isSameFile(Path path, Path path2) { throw unsupported(); }
        @Override public boolean isHidden(Path path) { throw unsupported(); }
        @Override public FileStore getFileStore(Path path) { throw unsupported(); }
        @Override public void checkAccess(Path path, AccessMode... modes) { throw unsupported(); }
        @Override public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type,
                                                                            LinkOption... options) {
            throw unsupported();
        }
        @Override public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type,
                                                                        LinkOption... options) {
            throw unsupported();
        }
        @Override public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) {
            throw unsupported();
        }
        @Override public void setAttribute(Path path, String attribute, Object value, LinkOption... options) {
            throw unsupported();
        }
    }

    private static final class BufferedFileSystem extends FileSystem {
        private final Provider provider;
        private final String separator;

        BufferedFileSystem(Provider provider, String separator) {
            this.provider = provider;
            this.separator = separator;
        }

        @Override public FileSystemProvider provider() { return provider; }
        @Override public void close() { throw unsupported(); }
        @Override public boolean isOpen() { return true; }
        @Override public boolean isReadOnly() { return false; }
        @Override public String getSeparator() { return separator; }
        @Override public Iterable<Path> getRootDirectories() { throw unsupported(); }
        @Override public Iterable<FileStore> getFileStores() { throw unsupported(); }
        @Override public Set<String> supportedFileAttributeViews() { throw unsupported(); }
        @Override public Path getPath(String first, String... more) { throw unsupported(); }
        @Override public PathMatcher getPathMatcher(String syntaxAndPattern) { throw unsupported(); }
        @Override public UserPrincipalLookupService getUserPrincipalLookupService() { throw unsupported(); }
        @Override public WatchService newWatchService() { throw unsupported(); }
    }
}
