package dev.newsmon.ingest.read;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Feed items carry HTML; this keeps the text and its paragraph breaks. Not a sanitiser: output is plain text. */
public final class Html {
    private static final Pattern SCRIPT = Pattern.compile("(?is)<(script|style)\\b.*?</\\1\\s*>");
    private static final Pattern BLOCK = Pattern.compile("(?i)</?(?:p|div|h[1-6]|li|ul|ol|blockquote|figure|figcaption|table|tr)\\b[^>]*>|<br\\s*/?>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#\\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Pattern BLANKS = Pattern.compile("\\n[ \\t]*\\n(?:[ \\t]*\\n)+");

    private Html() {
    }

    public static String toText(String html) {
        if (html == null) {
            return null;
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return html;
        }
        String s = SCRIPT.matcher(html).replaceAll("");
        s = BLOCK.matcher(s).replaceAll("\n\n");
        s = TAG.matcher(s).replaceAll("");
        s = decodeEntities(s);
        return BLANKS.matcher(s).replaceAll("\n\n").strip();
    }

    static String decodeEntities(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = ENTITY.matcher(s);
        StringBuilder sb = new StringBuilder(s.length());
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(entity(m.group(1), m.group())));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String entity(String name, String whole) {
        if (name.charAt(0) == '#') {
            try {
                int cp = name.charAt(1) == 'x' || name.charAt(1) == 'X'
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : whole;
            } catch (NumberFormatException e) {
                return whole;
            }
        }
        switch (name) {
            case "amp": return "&";
            case "lt": return "<";
            case "gt": return ">";
            case "quot": return "\"";
            case "apos": return "'";
            case "nbsp": return " ";
            case "rsquo": return "\u2019";
            case "lsquo": return "\u2018";
            case "rdquo": return "\u201d";
            case "ldquo": return "\u201c";
            case "mdash": return "\u2014";
            case "ndash": return "\u2013";
            case "hellip": return "\u2026";
            default: return whole;
        }
    }
}
