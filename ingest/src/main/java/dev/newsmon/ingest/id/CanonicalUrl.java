package dev.newsmon.ingest.id;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The form of an article URL that two links to the same story share: lower-case scheme and host,
 * no "www.", default port, fragment, tracking parameters or trailing slash; remaining parameters sorted.
 */
public final class CanonicalUrl {

    private static final Set<String> TRACKING = Set.of(
            "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref", "ref_src", "ref_url",
            "cmpid", "ocid", "smid", "spm", "taid", "guccounter", "guce_referrer", "guce_referrer_sig",
            "_ga", "_gl", "mkt_tok", "yclid", "at_medium", "at_campaign", "at_custom1", "ito");

    private CanonicalUrl() {
    }

    /** The canonical form, or null if {@code url} is not an absolute http(s) URL. */
    public static String of(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme();
        String host = uri.getHost();
        if (scheme == null || host == null) {
            return null;
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        StringBuilder sb = new StringBuilder(url.length());
        // http and https serve the same story; the id must not depend on which link a feed used.
        sb.append("https://").append(host);
        int port = uri.getPort();
        if (port > 0 && port != 80 && port != 443) {
            sb.append(':').append(port);
        }
        String path = uri.getRawPath();
        if (path == null || path.isEmpty()) {
            path = "/";
        }
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        sb.append(path);
        String query = canonicalQuery(uri.getRawQuery());
        if (!query.isEmpty()) {
            sb.append('?').append(query);
        }
        return sb.toString();
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String param : rawQuery.split("&")) {
            if (param.isEmpty()) {
                continue;
            }
            int eq = param.indexOf('=');
            String name = (eq < 0 ? param : param.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (name.startsWith("utm_") || TRACKING.contains(name)) {
                continue;
            }
            kept.add(param);
        }
        kept.sort(null);
        return String.join("&", kept);
    }
}
