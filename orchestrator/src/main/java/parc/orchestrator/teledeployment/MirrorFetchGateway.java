package parc.orchestrator.teledeployment;

import java.io.IOException;
import java.net.URI;

/**
 * Port: fetches one file from a mirror, as an agent would (HTTPS checked against the
 * system's CAs and Parc's own), to prove the mirror holds it. Implemented in
 * {@code routes}.
 */
public interface MirrorFetchGateway {

	/**
	 * @param maxBytes the most it reads; a longer file is a mismatch
	 * @return the file's bytes
	 * @throws IOException when it cannot be fetched (with the reason: status, TLS,
	 * connection)
	 */
	byte[] fetch(URI location, long maxBytes) throws IOException;

}
