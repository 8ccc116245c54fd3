package parc.orchestrator.pkg;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a name a client or an archive gave into a safe relative path: {@code /}
 * separators, no absolute path, drive letter or {@code ..}, no control character.
 * Hand-written because the rule is Parc's own (what a package may contain), not a parsing
 * problem.
 */
final class RelativePaths {

	private static final int MAX_LENGTH = 1024;

	private RelativePaths() {
	}

	/**
	 * @throws InvalidPackageException naming the offending path
	 */
	static String safe(String field, String name) {
		if (name == null || name.isBlank()) {
			throw new InvalidPackageException(field, "a file has no name");
		}
		String unified = name.replace('\\', '/');
		if (unified.startsWith("/") || unified.matches("^[A-Za-z]:.*")) {
			throw new InvalidPackageException(field, "absolute path refused: " + printable(name));
		}
		List<String> segments = new ArrayList<>();
		for (String segment : unified.split("/")) {
			if (segment.isEmpty() || segment.equals(".")) {
				continue;
			}
			if (segment.equals("..")) {
				throw new InvalidPackageException(field, "path leaving the package refused: " + printable(name));
			}
			if (segment.chars().anyMatch((c) -> c < 0x20 || c == 0x7f)) {
				throw new InvalidPackageException(field,
						"control character in a file name refused: " + printable(name));
			}
			if (segment.length() > 255) {
				throw new InvalidPackageException(field, "file name longer than 255 characters: " + printable(name));
			}
			segments.add(segment);
		}
		if (segments.isEmpty()) {
			throw new InvalidPackageException(field, "a file has no name");
		}
		String path = String.join("/", segments);
		if (path.length() > MAX_LENGTH) {
			throw new InvalidPackageException(field, "path longer than " + MAX_LENGTH + " characters");
		}
		return path;
	}

	/** The last segment only: what an upload's file name may contribute. */
	static String fileName(String field, String name) {
		String unified = (name != null) ? name.replace('\\', '/') : null;
		String last = (unified != null) ? unified.substring(unified.lastIndexOf('/') + 1) : null;
		return safe(field, last);
	}

	private static String printable(String name) {
		String shown = name.replaceAll("\\p{Cntrl}", "?");
		return (shown.length() > 120) ? shown.substring(0, 120) + "..." : shown;
	}

}
