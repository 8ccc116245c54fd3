package parc.agentlessadapter.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.scp.server.ScpCommandFactory;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

import parc.agentlessadapter.ssh.RemoteSystem;
import parc.agentlessadapter.ssh.SshAuth;
import parc.agentlessadapter.ssh.SshTarget;

/**
 * An in-process MINA SSH server on a free 127.0.0.1 port, rooted in a test folder, for
 * the faults a real server cannot be made to produce on demand: a host key that changes,
 * a connection that drops in the middle of a transfer. Commands run under the real
 * {@code /bin/sh} with the root folder as their working directory and home, so the
 * adapter's checksum and shell scripts run for real.
 */
public final class MisbehavingSshServer implements AutoCloseable {

	private final SshServer server;

	private final Path root;

	private final KeyPair clientKey;

	private final AtomicLong dropAfterBytes = new AtomicLong(-1);

	private final AtomicLong written = new AtomicLong();

	private volatile KeyPair hostKey;

	private MisbehavingSshServer(SshServer server, Path root, KeyPair clientKey, KeyPair hostKey) {
		this.server = server;
		this.root = root;
		this.clientKey = clientKey;
		this.hostKey = hostKey;
	}

	public static MisbehavingSshServer start(Path root, boolean sftp) throws Exception {
		KeyPair clientKey = TestKeys.ed25519();
		KeyPair hostKey = TestKeys.ecdsa();
		SshServer server = SshServer.setUpDefaultServer();
		MisbehavingSshServer fixture = new MisbehavingSshServer(server, root, clientKey, hostKey);
		server.setHost("127.0.0.1");
		server.setPort(0);
		server.setKeyPairProvider((session) -> List.of(fixture.hostKey));
		server.setPublickeyAuthenticator((username, key, session) -> "tester".equals(username)
				&& samePublicKey(key, fixture.clientKey.getPublic()));
		server.setPasswordAuthenticator((username, password, session) -> false);
		server.setFileSystemFactory(new VirtualFileSystemFactory(root));
		server.setCommandFactory(
				new ScpCommandFactory.Builder().withDelegate((channel, command) -> new ShellCommand(command, root))
					.build());
		if (sftp) {
			SftpSubsystemFactory factory = new SftpSubsystemFactory.Builder().build();
			factory.addSftpEventListener(fixture.dropper());
			server.setSubsystemFactories(List.of(factory));
		}
		server.start();
		return fixture;
	}

	private static boolean samePublicKey(PublicKey a, PublicKey b) {
		return java.util.Arrays.equals(a.getEncoded(), b.getEncoded());
	}

	private SftpEventListener dropper() {
		return new SftpEventListener() {
			@Override
			public void written(ServerSession session, String remoteHandle, FileHandle localHandle, long offset,
					byte[] data, int dataOffset, int dataLen, Throwable thrown) {
				long limit = MisbehavingSshServer.this.dropAfterBytes.get();
				long total = MisbehavingSshServer.this.written.addAndGet(dataLen);
				if (limit >= 0 && total >= limit) {
					MisbehavingSshServer.this.dropAfterBytes.set(-1);
					// As a cable pulled out: no goodbye, the TCP connection just ends.
					session.close(true);
				}
			}
		};
	}

	/** The next SFTP session is cut once this many bytes have been written to files. */
	public void dropConnectionAfterWriting(long bytes) {
		this.written.set(0);
		this.dropAfterBytes.set(bytes);
	}

	/**
	 * From now on the server presents another host key, as a reinstalled machine would.
	 */
	public void replaceHostKey() throws Exception {
		this.hostKey = TestKeys.ecdsa();
	}

	public int port() {
		return this.server.getPort();
	}

	public Path root() {
		return this.root;
	}

	public String clientKeyText() throws Exception {
		return TestKeys.openSshText(this.clientKey, null);
	}

	public SshTarget target() throws Exception {
		return target(SshAuth.privateKey(clientKeyText(), null));
	}

	public SshTarget target(SshAuth auth) {
		return new SshTarget("127.0.0.1", port(), "tester", auth, RemoteSystem.UNIX);
	}

	@Override
	public void close() throws IOException {
		this.server.stop(true);
	}

	/**
	 * Runs an exec request under {@code /bin/sh -c}, as OpenSSH does with a POSIX login
	 * shell.
	 */
	private static final class ShellCommand implements Command {

		private final String command;

		private final Path root;

		private InputStream in;

		private OutputStream out;

		private OutputStream err;

		private ExitCallback exit;

		private Process process;

		ShellCommand(String command, Path root) {
			this.command = command;
			this.root = root;
		}

		@Override
		public void setInputStream(InputStream in) {
			this.in = in;
		}

		@Override
		public void setOutputStream(OutputStream out) {
			this.out = out;
		}

		@Override
		public void setErrorStream(OutputStream err) {
			this.err = err;
		}

		@Override
		public void setExitCallback(ExitCallback callback) {
			this.exit = callback;
		}

		@Override
		public void start(ChannelSession channel, Environment env) throws IOException {
			ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", this.command).directory(this.root.toFile());
			builder.environment().put("HOME", this.root.toString());
			this.process = builder.start();
			this.process.getOutputStream().close();
			Thread stdout = pump(this.process.getInputStream(), this.out);
			Thread stderr = pump(this.process.getErrorStream(), this.err);
			daemon(() -> {
				try {
					int code = this.process.waitFor();
					stdout.join();
					stderr.join();
					this.exit.onExit(code);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
		}

		private static Thread pump(InputStream from, OutputStream to) {
			return daemon(() -> {
				byte[] buffer = new byte[32 * 1024];
				try {
					int n;
					while ((n = from.read(buffer)) > 0) {
						to.write(buffer, 0, n);
						to.flush();
					}
				}
				catch (IOException ex) {
					// The channel closed: the command is being destroyed.
				}
			});
		}

		private static Thread daemon(Runnable work) {
			Thread thread = new Thread(work, "test-shell");
			thread.setDaemon(true);
			thread.start();
			return thread;
		}

		@Override
		public void destroy(ChannelSession channel) {
			if (this.process != null) {
				this.process.descendants().forEach(ProcessHandle::destroyForcibly);
				this.process.destroyForcibly();
			}
		}

	}

}
