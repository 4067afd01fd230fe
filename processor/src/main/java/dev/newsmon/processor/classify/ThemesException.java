package dev.newsmon.processor.classify;

/** A themes file that cannot be used; the message is one line naming the file, the theme and the field. */
public class ThemesException extends RuntimeException {
    public ThemesException(String message) {
        super(message);
    }

    public ThemesException(String message, Throwable cause) {
        super(message, cause);
    }
}
