package parc.orchestrator.system.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What every file upload Parc reads needs: a size cap, a display name, a charset. */
public final class UploadedFile {

	private static final int MAX_NAME_LENGTH = 200;

	/** The charsets the console offers for uploads; the API takes any Java knows. */
	public static final List<String> OFFERED_CHARSETS = List.of("UTF-8", "windows-1252", "ISO-8859-15", "ISO-8859-1");

	private UploadedFile() {
	}

	/**
	 * Copies at most {@code maxBytes}; a larger upload leaves no file behind.
	 * @return false when the content is larger than {@code maxBytes}
	 */
	public static boolean copyAtMost(InputStream content, Path target, long maxBytes) throws IOException {
		try (OutputStream out = Files.newOutputStream(target)) {
			byte[] buffer = new byte[64 * 1024];
			long total = 0;
			for (int read = content.read(buffer); read != -1; read = content.read(buffer)) {
				total += read;
				if (total > maxBytes) {
					out.close();
					Files.deleteIfExists(target);
					return false;
				}
				out.write(buffer, 0, read);
			}
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(target);
			throw ex;
		}
		return true;
	}

	/** The name to show for an upload: its last path segment, printable, not too long. */
	public static String displayName(String fileName, String fallback) {
		String name = (fileName != null) ? fileName.replace('\\', '/') : "";
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").trim();
		if (name.isEmpty() || name.equals(".") || name.equals("..")) {
			return fallback;
		}
		return (name.length() > MAX_NAME_LENGTH) ? name.substring(0, MAX_NAME_LENGTH) : name;
	}

	/** UTF-8 when none is named, empty when the name is no charset Java knows. */
	public static Optional<Charset> charset(String name) {
		try {
			return Optional
				.of((name == null || name.isBlank()) ? StandardCharsets.UTF_8 : Charset.forName(name.trim()));
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
			return Optional.empty();
		}
	}

}
