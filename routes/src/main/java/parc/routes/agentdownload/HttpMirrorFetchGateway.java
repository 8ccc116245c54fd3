package parc.routes.agentdownload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.springframework.stereotype.Component;

import parc.orchestrator.teledeployment.DeployServerService;
import parc.orchestrator.teledeployment.MirrorFetchGateway;

/**
 * Fetches a mirror's files with the JDK's HTTP client, trusting what an agent given
 * Parc's {@code cacert.pem} or the system's CAs would: the system's CAs and Parc's own
 * CA. Bounded in time and size.
 */
@Component
class HttpMirrorFetchGateway implements MirrorFetchGateway {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final DeployServerService deployServer;

	/** One client for every check: the CA it trusts never changes while Parc runs. */
	private volatile HttpClient client;

	HttpMirrorFetchGateway(DeployServerService deployServer) {
		this.deployServer = deployServer;
	}

	@Override
	public byte[] fetch(URI location, long maxBytes) throws IOException {
		HttpClient client = client();
		try {
			HttpResponse<InputStream> response = client.send(
					HttpRequest.newBuilder(location).timeout(TIMEOUT).GET().build(),
					HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream body = response.body()) {
				if (response.statusCode() / 100 != 2) {
					throw new IOException("HTTP " + response.statusCode());
				}
				return body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
		catch (IOException ex) {
			throw new IOException((ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName(), ex);
		}
	}

	private HttpClient client() throws IOException {
		HttpClient current = this.client;
		if (current == null) {
			current = HttpClient.newBuilder()
				.connectTimeout(TIMEOUT)
				.followRedirects(HttpClient.Redirect.NORMAL)
				.sslContext(sslContext())
				.build();
			this.client = current;
		}
		return current;
	}

	private SSLContext sslContext() throws IOException {
		try {
			TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			system.init((KeyStore) null);
			KeyStore parc = KeyStore.getInstance("PKCS12");
			parc.load(null, null);
			parc.setCertificateEntry("parc-ca", CertificateFactory.getInstance("X.509")
				.generateCertificate(
						new ByteArrayInputStream(this.deployServer.caPem().getBytes(StandardCharsets.US_ASCII))));
			TrustManagerFactory own = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			own.init(parc);
			X509TrustManager first = (X509TrustManager) system.getTrustManagers()[0];
			X509TrustManager second = (X509TrustManager) own.getTrustManagers()[0];
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, new TrustManager[] { new EitherTrustManager(first, second) }, null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IOException("cannot set up TLS: " + ex.getMessage(), ex);
		}
	}

	/** Trusts a server either of two trust managers trusts. */
	private record EitherTrustManager(X509TrustManager system, X509TrustManager parc) implements X509TrustManager {

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType)
				throws java.security.cert.CertificateException {
			throw new java.security.cert.CertificateException("Parc does not accept client certificates here");
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType)
				throws java.security.cert.CertificateException {
			try {
				this.system.checkServerTrusted(chain, authType);
			}
			catch (java.security.cert.CertificateException ex) {
				this.parc.checkServerTrusted(chain, authType);
			}
		}

		@Override
		public X509Certificate[] getAcceptedIssuers() {
			X509Certificate[] a = this.system.getAcceptedIssuers();
			X509Certificate[] b = this.parc.getAcceptedIssuers();
			X509Certificate[] all = java.util.Arrays.copyOf(a, a.length + b.length);
			System.arraycopy(b, 0, all, a.length, b.length);
			return all;
		}

	}

}
