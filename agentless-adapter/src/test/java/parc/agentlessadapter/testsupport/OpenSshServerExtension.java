package parc.agentlessadapter.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one {@link OpenSshServer} for a test class and stops it after:
 * {@code @RegisterExtension static final OpenSshServerExtension sshd = new OpenSshServerExtension();}
 * then {@code sshd.server()}.
 */
public final class OpenSshServerExtension implements BeforeAllCallback, AfterAllCallback {

	private OpenSshServer server;

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		this.server = OpenSshServer.start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.server != null) {
			this.server.close();
		}
	}

	public OpenSshServer server() {
		if (this.server == null) {
			throw new IllegalStateException(
					"the sshd starts before the class's tests: use the extension as a static field");
		}
		return this.server;
	}

}
