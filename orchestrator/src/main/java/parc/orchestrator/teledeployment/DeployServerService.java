package parc.orchestrator.teledeployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import parc.orchestrator.cluster.SharedSecretCheck;
import parc.orchestrator.system.ParcProperties;

/**
 * The built-in deployment server's identity: its private CA (offered to agents and
 * administrators as {@code cacert.pem}) and the server certificate the HTTPS port shows,
 * made on first start for the configured names.
 */
@Service
@EnableConfigurationProperties(DeployServerProperties.class)
public class DeployServerService {

	/** The password of the in-memory key store handed to the web server; never stored. */
	public static final char[] KEY_STORE_PASSWORD = "parc-deploy-server".toCharArray();

	private final DeployServerCertificates certificates;

	private final DeployServerProperties properties;

	private final ApplicationEventPublisher events;

	private final List<String> names;

	private volatile int boundPort;

	DeployServerService(ParcProperties parc, DeployServerProperties properties, ApplicationEventPublisher events,
			SharedSecretCheck sharedSecrets) {
		this.certificates = new DeployServerCertificates(parc.sharedDir());
		this.properties = properties;
		this.events = events;
		this.names = properties.names().isEmpty() ? DeployServerCertificates.defaultNames() : properties.names();
		if (properties.enabled()) {
			// Agents trust one CA: a node with its own would serve downloads they refuse.
			DeployServerCertificates.Loaded loaded = this.certificates.loadOrCreate(this.names);
			sharedSecrets.require("deploy-server-ca", DeployServerCertificates.fingerprint(loaded.ca()),
					"This node's deployment server CA (" + this.certificates.folder() + ")",
					"Give every node the same CA: use one shared folder (parc.shared-dir) on every node, or copy the"
							+ " deploy-server folder of a running node's shared folder.");
		}
	}

	public boolean enabled() {
		return this.properties.enabled();
	}

	/** The HTTPS port: the one it listens on once started, else the configured one. */
	public int httpsPort() {
		int bound = this.boundPort;
		return (bound > 0) ? bound : this.properties.httpsPort();
	}

	/** The configured HTTPS port (0: any free one). */
	public int configuredHttpsPort() {
		return this.properties.httpsPort();
	}

	/** Told by the web server once the HTTPS port listens. */
	public void listeningOn(int port) {
		this.boundPort = port;
	}

	/** The CA certificate agents need to trust the server ({@code --ca=cacert.pem}). */
	public String caPem() {
		this.certificates.loadOrCreate(this.names);
		try {
			return Files.readString(this.certificates.folder().resolve(DeployServerCertificates.CA_CERT),
					StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public DeployServerStatus status() {
		DeployServerCertificates.Loaded loaded = this.certificates.loadOrCreate(this.names);
		return status(loaded);
	}

	/**
	 * The server's key and chain, for the web server's HTTPS port, password
	 * {@link #KEY_STORE_PASSWORD}.
	 */
	public KeyStore keyStore() {
		DeployServerCertificates.Loaded loaded = this.certificates.loadOrCreate(this.names);
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setKeyEntry("parc", loaded.serverKey(), KEY_STORE_PASSWORD,
					new Certificate[] { loaded.server(), loaded.ca() });
			return store;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot hold the deployment server's key in memory", ex);
		}
	}

	/**
	 * A new server certificate for the configured names, signed by the same CA: agents
	 * that trust the CA go on without a change. The HTTPS port takes it at once.
	 */
	public DeployServerStatus regenerateServerCertificate() {
		DeployServerStatus status = status(this.certificates.regenerateServer(this.names));
		this.events.publishEvent(new DeployServerCertificateChanged(status));
		return status;
	}

	private DeployServerStatus status(DeployServerCertificates.Loaded loaded) {
		return new DeployServerStatus(loaded.serverNames(), httpsPort(),
				DeployServerCertificates.fingerprint(loaded.ca()),
				DeployServerCertificates.fingerprint(loaded.server()), loaded.server().getNotAfter().toInstant(),
				loaded.ca().getNotAfter().toInstant());
	}

	/** Published when the server certificate changed, for the HTTPS port to reload it. */
	public record DeployServerCertificateChanged(DeployServerStatus status) {

	}

}
