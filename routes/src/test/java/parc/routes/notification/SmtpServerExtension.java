package parc.routes.notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.awaitility.Awaitility.await;

/**
 * A real SMTP server on a loopback port: Debian's aiosmtpd (installed by
 * {@code scripts/install-test-packages.sh}), whose default handler prints each message it
 * receives. Debian's own Python, where the package puts the module.
 */
class SmtpServerExtension implements BeforeAllCallback, AfterAllCallback {

	private static final String PYTHON = "/usr/bin/python3";

	private final StringBuffer received = new StringBuffer();

	private Process server;

	private int port;

	int port() {
		return this.port;
	}

	/** Every message received so far, as the server printed them. */
	String received() {
		return this.received.toString();
	}

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			this.port = free.getLocalPort();
		}
		this.server = new ProcessBuilder(PYTHON, "-u", "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:" + this.port)
			.redirectErrorStream(true)
			.start();
		Thread reader = new Thread(() -> copy(this.server.getInputStream()), "smtp-output");
		reader.setDaemon(true);
		reader.start();
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(this::listening);
	}

	private void copy(InputStream output) {
		byte[] buffer = new byte[4096];
		try {
			for (int read; (read = output.read(buffer)) != -1;) {
				this.received.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			// the server stopped
		}
	}

	private boolean listening() {
		if (!this.server.isAlive()) {
			throw new IllegalStateException("aiosmtpd stopped: " + this.received);
		}
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.server != null) {
			this.server.destroy();
		}
	}

}
