package parc.app;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import parc.orchestrator.system.ParcProperties;
import parc.orchestrator.testsupport.PostgresBackedTest;
import parc.routes.agentdownload.DeployServerConnector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in deployment server as agents and intruders reach it, over real HTTP and
 * HTTPS: its CA without login, its certificate checked against that CA, nothing but
 * offered downloads on either port, 404 to uploads, unknown packages and path tricks, and
 * a regenerated certificate served at once.
 */
@PostgresBackedTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=true", "spring.quartz.auto-startup=true" })
class DeploymentServerTest {

	@LocalServerPort
	int port;

	@Autowired
	DeployServerConnector connector;

	@Autowired
	ParcProperties parc;

	private final ObjectMapper json = new ObjectMapper();

	private ParcHttpClient http;

	private String adminPassword;

	@BeforeEach
	void connect() throws Exception {
		this.http = new ParcHttpClient("http://127.0.0.1:" + this.port);
		this.adminPassword = Files.readString(this.parc.dataDir().resolve("initial-admin-password")).trim();
	}

	@Test
	void shouldRefuseUploadsUnknownPackagesAndPathTricks() throws Exception {
		HttpClient raw = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		String base = "http://127.0.0.1:" + this.port;
		for (String method : new String[] { "POST", "PUT", "DELETE" }) {
			HttpResponse<String> upload = raw
				.send(HttpRequest.newBuilder(URI.create(base + "/download/1700000001/info"))
					.method(method, HttpRequest.BodyPublishers.ofString("<DOWNLOAD/>"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(upload.statusCode()).as(method).isEqualTo(404);
		}
		for (String path : new String[] { "/download/1700000001/info", "/download/1700000001/1700000001-1",
				"/download/1700000001/info/more", "/download/abc/info", "/download/",
				"/download/1/..%2f..%2fetc%2fpasswd", "/download/%2e%2e/%2e%2e/etc/passwd",
				"/download/1/%2e%2e/%2e%2e/etc/passwd" }) {
			HttpResponse<String> response = raw.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isIn(400, 404);
			assertThat(response.body()).as(path).doesNotContain("root:");
		}
	}

	@Test
	void shouldServeItsCaWithoutLoginAndOnlyDownloadsOnTheHttpsPort() throws Exception {
		HttpResponse<String> ca = this.http.get("/api/deploy-server/ca.pem");
		assertThat(ca.statusCode()).isEqualTo(200);
		assertThat(ca.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((disposition) -> assertThat(disposition).contains("cacert.pem"));
		X509Certificate caCertificate = certificate(ca.body());
		JsonNode status = api("/api/deploy-server");
		assertThat(status.path("caFingerprint").asText()).isEqualTo(fingerprint(caCertificate));
		assertThat(status.path("names").toString()).contains("127.0.0.1");
		assertThat(status.path("httpsPort").asInt()).isPositive();

		HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(caCertificate)).build();
		String https = "https://127.0.0.1:" + this.connector.localPort();
		for (String path : new String[] { "/login", "/api/machines", "/actuator/health", "/camunda/app/",
				"/download/1700000001/info" }) {
			HttpResponse<String> response = trusting.send(
					HttpRequest.newBuilder(URI.create(https + path)).timeout(Duration.ofSeconds(20)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isEqualTo(404);
		}

		HttpResponse<String> regenerated = this.http.sendJson("POST", "/api/deploy-server/regenerate", "", "admin",
				this.adminPassword);
		assertThat(regenerated.statusCode()).as(regenerated.body()).isEqualTo(200);
		String newFingerprint = this.json.readTree(regenerated.body()).path("serverFingerprint").asText();
		assertThat(newFingerprint).isNotEqualTo(status.path("serverFingerprint").asText());
		HttpResponse<String> after = HttpClient.newBuilder()
			.sslContext(trusting(caCertificate))
			.build()
			.send(HttpRequest.newBuilder(URI.create(https + "/login")).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		SSLSession session = after.sslSession().orElseThrow();
		assertThat(fingerprint((X509Certificate) session.getPeerCertificates()[0])).as("the new certificate, at once")
			.isEqualTo(newFingerprint);
	}

	private JsonNode api(String path) throws Exception {
		HttpResponse<String> response = this.http.get(path, "admin", this.adminPassword);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private static X509Certificate certificate(String pem) throws Exception {
		return (X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
	}

	private static SSLContext trusting(Certificate ca) throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setCertificateEntry("parc-ca", ca);
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(store);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust.getTrustManagers(), null);
		return context;
	}

	private static String fingerprint(X509Certificate certificate) throws Exception {
		return HexFormat.ofDelimiter(":")
			.withUpperCase()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
	}

}
