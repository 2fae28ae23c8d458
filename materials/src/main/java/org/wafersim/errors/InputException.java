package org.wafersim.errors;

/**
 * Bad user input: a case file, a material definition, an override or a command-line value that cannot be used.
 * The CLI turns it into one line on stderr and exit code 2 (a {@link WafersimException}). The message always names where the problem is
 * (file, key path) and why, so that a user can fix it without reading a stack trace.
 */
public class InputException extends WafersimException {
    private final String source;
    private final String keyPath;
    private final String reason;

    /**
     * @param source  the file or origin of the value (e.g. "case.yaml", "--set", "built-in wse-default"); may be null
     * @param keyPath the dotted key path inside the source (e.g. "stack[2].thickness"); may be null
     * @param reason  what is wrong, in words a user understands
     */
    public InputException(String source, String keyPath, String reason) {
        super(format(source, keyPath, reason));
        this.source = source;
        this.keyPath = keyPath;
        this.reason = reason;
    }

    public InputException(String source, String keyPath, String reason, Throwable cause) {
        super(format(source, keyPath, reason), cause);
        this.source = source;
        this.keyPath = keyPath;
        this.reason = reason;
    }

    private static String format(String source, String keyPath, String reason) {
        StringBuilder sb = new StringBuilder();
        if (source != null && !source.isEmpty()) sb.append(source).append(": ");
        if (keyPath != null && !keyPath.isEmpty()) sb.append(oneLine(keyPath, 200)).append(": ");
        sb.append(oneLine(reason, MAX_REASON_CHARS));
        return sb.toString();
    }

    /** Longest reason printed: a message quotes user text, which may be a megabyte long or hold line breaks. */
    static final int MAX_REASON_CHARS = 1500;

    /** The reason on one line (line breaks and other controls as spaces), long ones elided in the middle. */
    private static String oneLine(String reason, int max) {
        if (reason == null) return "";
        StringBuilder sb = new StringBuilder(Math.min(reason.length(), max + 16));
        for (int i = 0; i < reason.length(); i++) {
            char c = reason.charAt(i);
            sb.append(Character.isISOControl(c) ? ' ' : c);
        }
        if (sb.length() <= max) return sb.toString();
        int head = max * 3 / 4, tail = max / 8;
        return sb.substring(0, head) + " [... " + (sb.length() - head - tail) + " characters ...] "
                + sb.substring(sb.length() - tail);
    }

    @Override public final int exitCode() { return EXIT_BAD_INPUT; }

    @Override public String kind() { return "bad_input"; }

    public String source() { return source; }
    public String keyPath() { return keyPath; }
    public String reason() { return reason; }

    /** The same problem, attributed to a file (for errors raised before the file name was known). */
    public InputException inSource(String newSource) {
        return new InputException(newSource, keyPath, reason, getCause());
    }

    /** The same problem, with a key path prefix (e.g. "materials.my_tim" + "." + "conductivity"). */
    public InputException under(String prefix) {
        String kp = keyPath == null || keyPath.isEmpty() ? prefix : prefix + "." + keyPath;
        return new InputException(source, kp, reason, getCause());
    }
}
