package dev.newsmon.ingest;

/** Bad input: the message is one line naming the source (file:line where there is one) and the cause. */
public class IngestException extends RuntimeException {

    public IngestException(String message) {
        super(oneLine(message));
    }

    public IngestException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /** Parser messages often span lines; the CLI promises one. */
    public static String oneLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String s = message.strip();
        int nl = s.indexOf('\n');
        if (nl >= 0) {
            s = s.substring(0, nl).strip();
        }
        return s.replace('\r', ' ');
    }
}
