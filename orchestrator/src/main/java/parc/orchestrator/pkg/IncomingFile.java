package parc.orchestrator.pkg;

import java.io.IOException;
import java.io.InputStream;

/**
 * A file arriving for a new package, as the console or the API received it.
 *
 * @param name the name the client gave; only its last segment is kept
 * @param content opens the content; read once
 */
public record IncomingFile(String name, Content content) {

	/** Opens a file's content. */
	@FunctionalInterface
	public interface Content {

		InputStream open() throws IOException;

	}

}
