package parc.orchestrator.notification;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The URLs an administrator lets processes call ({@code parc.notify.allowed-urls}): a URL
 * is allowed when it has the scheme, host and port of an entry and its path is the
 * entry's path or under it, segment by segment. Compared as parsed URLs, not as text: an
 * entry {@code https://hooks.example.org/parc} does not let through
 * {@code https://hooks.example.org.evil.test/} nor
 * {@code https://hooks.example.org/parcel}, and a path that climbs out with {@code ..}
 * (even percent-encoded) is not under anything.
 */
final class AllowedUrls {

	private final List<URI> entries;

	AllowedUrls(List<String> entries) {
		this.entries = entries.stream().filter((entry) -> !entry.isBlank()).map(AllowedUrls::entry).toList();
	}

	private static URI entry(String given) {
		URI entry = URI.create(given.strip()).normalize();
		if (entry.getHost() == null || !isHttp(entry) || entry.getRawQuery() != null || entry.getRawFragment() != null
				|| entry.getRawUserInfo() != null) {
			throw new IllegalArgumentException("parc.notify.allowed-urls: '" + given
					+ "' must be an http:// or https:// URL with a host and no query, fragment or user name");
		}
		return entry;
	}

	boolean isEmpty() {
		return this.entries.isEmpty();
	}

	boolean allows(URI url) {
		if (!isHttp(url) || url.getHost() == null || climbs(url)) {
			return false;
		}
		return this.entries.stream().anyMatch((entry) -> sameOrigin(entry, url) && under(entry, url));
	}

	private static boolean isHttp(URI url) {
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		return scheme.equals("http") || scheme.equals("https");
	}

	private static boolean climbs(URI url) {
		String path = (url.getPath() != null) ? url.getPath() : "";
		for (String segment : path.split("/", -1)) {
			if (segment.equals("..") || segment.equals(".") || segment.contains("\\")) {
				return true;
			}
		}
		return false;
	}

	private static boolean sameOrigin(URI entry, URI url) {
		return entry.getScheme().equalsIgnoreCase(url.getScheme()) && entry.getHost().equalsIgnoreCase(url.getHost())
				&& port(entry) == port(url);
	}

	private static int port(URI url) {
		if (url.getPort() != -1) {
			return url.getPort();
		}
		return url.getScheme().equalsIgnoreCase("https") ? 443 : 80;
	}

	private static boolean under(URI entry, URI url) {
		String base = (entry.getRawPath() != null) ? entry.getRawPath() : "";
		String path = (url.getRawPath() != null && !url.getRawPath().isEmpty()) ? url.getRawPath() : "/";
		if (base.isEmpty() || base.equals("/")) {
			return true;
		}
		if (base.endsWith("/")) {
			return path.startsWith(base);
		}
		return path.equals(base) || path.startsWith(base + "/");
	}

}
