package parc.routes.agentdownload;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import parc.orchestrator.teledeployment.DeployServerService;

/**
 * The deployment server's HTTPS port: a second connector of Parc's own web server, on the
 * same address, showing the certificate Parc's CA signed. Agents fetch {@code info} files
 * from it (always over HTTPS, protocol §4.2); {@link DeployServerPortFilter} keeps
 * everything else off it. A regenerated certificate is taken without a restart.
 */
@Component
public class DeployServerConnector implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	private final DeployServerService deployServer;

	private volatile Connector connector;

	DeployServerConnector(DeployServerService deployServer) {
		this.deployServer = deployServer;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		if (!this.deployServer.enabled()) {
			return;
		}
		Connector https = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
		https.setPort(this.deployServer.configuredHttpsPort());
		https.setScheme("https");
		https.setSecure(true);
		Http11NioProtocol protocol = (Http11NioProtocol) https.getProtocolHandler();
		if (factory.getAddress() != null) {
			protocol.setAddress(factory.getAddress());
		}
		protocol.setSSLEnabled(true);
		protocol.addSslHostConfig(sslHostConfig());
		factory.addAdditionalTomcatConnectors(https);
		this.connector = https;
	}

	/**
	 * The port it listens on once started (the configured one, or the one chosen for 0).
	 */
	public int localPort() {
		Connector current = this.connector;
		if (current == null) {
			return this.deployServer.httpsPort();
		}
		int port = current.getLocalPort();
		return (port > 0) ? port : this.deployServer.httpsPort();
	}

	/** Tells the deployment server which port it got, for the console and the API. */
	@EventListener
	void started(org.springframework.boot.web.context.WebServerInitializedEvent event) {
		Connector current = this.connector;
		if (current != null && current.getLocalPort() > 0) {
			this.deployServer.listeningOn(current.getLocalPort());
		}
	}

	@EventListener
	void certificateChanged(DeployServerService.DeployServerCertificateChanged event) {
		Connector current = this.connector;
		if (current == null) {
			return;
		}
		Http11NioProtocol protocol = (Http11NioProtocol) current.getProtocolHandler();
		for (SSLHostConfig config : protocol.findSslHostConfigs()) {
			for (SSLHostConfigCertificate certificate : config.getCertificates()) {
				certificate.setCertificateKeystore(this.deployServer.keyStore());
			}
		}
		protocol.reloadSslHostConfigs();
	}

	private SSLHostConfig sslHostConfig() {
		SSLHostConfig config = new SSLHostConfig();
		SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(config, SSLHostConfigCertificate.Type.RSA);
		certificate.setCertificateKeystore(this.deployServer.keyStore());
		certificate.setCertificateKeystorePassword(new String(DeployServerService.KEY_STORE_PASSWORD));
		certificate.setCertificateKeyAlias("parc");
		config.addCertificate(certificate);
		return config;
	}

}
