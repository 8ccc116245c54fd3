package parc.orchestrator.teledeployment;

import java.time.Instant;
import java.util.List;

/**
 * What the console shows of the deployment server's certificates. The JSON names are a
 * public contract of {@code GET /api/deploy-server}.
 *
 * @param names the names and addresses the server certificate is valid for
 * @param httpsPort where agents fetch {@code info} files
 * @param caFingerprint SHA-256 of the CA certificate, as colon-separated hex
 * @param serverFingerprint SHA-256 of the server certificate
 * @param serverNotAfter when the server certificate expires
 * @param caNotAfter when the CA expires
 */
public record DeployServerStatus(List<String> names, int httpsPort, String caFingerprint, String serverFingerprint,
		Instant serverNotAfter, Instant caNotAfter) {

}
