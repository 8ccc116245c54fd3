package parc.agentlessadapter.ssh;

import java.io.IOException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * The application's one SSH client. {@link #start()} it once, {@link #open(SshTarget)} a
 * session per unit of work (in try-with-resources), {@link #close()} it at shutdown.
 * Thread-safe: sessions may be opened from many threads at once.
 */
public final class SshConnector implements AutoCloseable {

	/**
	 * Key exchanges offered first, cheapest first, the others after them in MINA's order:
	 * on these machines OpenSSH's default hybrid post-quantum exchange costs several
	 * times the client CPU of Curve25519 per connection, and a fan-out to many machines
	 * is dominated by key exchange (figures: docs/agentless.md, bench/ssh-algorithms.sh).
	 */
	public static final List<String> KEY_EXCHANGES = List.of("curve25519-sha256", "curve25519-sha256@libssh.org");

	/**
	 * Ciphers offered first, cheapest first: AES-GCM runs on the processor's AES
	 * instructions on both sides and needs no separate MAC, where MINA's
	 * ChaCha20-Poly1305 (its default first choice) is plain Java.
	 */
	public static final List<String> CIPHERS = List.of("aes128-gcm@openssh.com", "aes256-gcm@openssh.com");

	private final SshSettings settings;

	private final SshClient client;

	private final HostKeyVerifier hostKeyVerifier;

	private final Semaphore handshakes;

	public SshConnector(SshSettings settings, HostKeyStore hostKeys) {
		this(settings, hostKeys, settings::hostKeyPolicy);
	}

	/**
	 * @param hostKeyPolicy read at each first contact, so an administrator's change of
	 * the policy applies without a restart; {@link SshSettings#hostKeyPolicy()} is
	 * ignored
	 */
	public SshConnector(SshSettings settings, HostKeyStore hostKeys, Supplier<HostKeyPolicy> hostKeyPolicy) {
		this.settings = settings;
		this.handshakes = new Semaphore(settings.maxHandshakes(), true);
		this.client = SshClient.setUpDefaultClient();
		// Parc's own settings only: no ~/.ssh/config, no ~/.ssh/id_* keys of the server's
		// user.
		this.client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
		this.client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
		this.hostKeyVerifier = new HostKeyVerifier(hostKeys, hostKeyPolicy);
		this.client.setServerKeyVerifier(this.hostKeyVerifier);
		offerCheapestFirst(this.client);
		CoreModuleProperties.AUTH_TIMEOUT.set(this.client, settings.authTimeout());
		if (!settings.keepAliveInterval().isZero()) {
			CoreModuleProperties.HEARTBEAT_INTERVAL.set(this.client, settings.keepAliveInterval());
			// Three unanswered keep-alives end a session whose peer vanished.
			CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(this.client, 3);
		}
	}

	/**
	 * Puts {@link #KEY_EXCHANGES} and {@link #CIPHERS} first in what the client offers; a
	 * server that knows none of them still agrees on one of the others.
	 */
	public static void offerCheapestFirst(SshClient client) {
		client.setKeyExchangeFactories(first(KEY_EXCHANGES, client.getKeyExchangeFactories()));
		client.setCipherFactories(first(CIPHERS, client.getCipherFactories()));
	}

	private static <T extends NamedResource> List<T> first(List<String> names, List<T> offered) {
		List<T> ordered = new ArrayList<>();
		for (String name : names) {
			offered.stream().filter((factory) -> factory.getName().equals(name)).forEach(ordered::add);
		}
		offered.stream().filter((factory) -> !names.contains(factory.getName())).forEach(ordered::add);
		return ordered;
	}

	public void start() {
		this.client.start();
	}

	public boolean isRunning() {
		return this.client.isStarted();
	}

	public SshSettings settings() {
		return this.settings;
	}

	/**
	 * Connects, checks the host key and authenticates.
	 * @throws HostKeyRejectedException when the host key is refused
	 * @throws SshException at the connect or auth step otherwise
	 */
	public RemoteSession open(SshTarget target) {
		if (!this.client.isStarted()) {
			throw new IllegalStateException("the SSH client is not started");
		}
		awaitHandshakeTurn(target);
		try {
			ClientSession session = connect(target);
			try {
				addIdentity(session, target);
				authenticate(session, target);
				return new RemoteSession(session, target, this.settings);
			}
			catch (RuntimeException ex) {
				closeQuietly(session);
				throw ex;
			}
			finally {
				this.hostKeyVerifier.takeRejection(session);
			}
		}
		finally {
			this.handshakes.release();
		}
	}

	/**
	 * Waits without a limit: the wait is for Parc's own CPU, not for the target, so it
	 * must not count against the target's timeouts. Interrupting the thread cancels the
	 * wait.
	 */
	private void awaitHandshakeTurn(SshTarget target) {
		try {
			this.handshakes.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SshException(target, SshStep.CONNECT, "interrupted while waiting for a handshake turn", ex);
		}
	}

	/** Connections in their key exchange and authentication now, for monitoring. */
	public int handshakesInProgress() {
		return this.settings.maxHandshakes() - this.handshakes.availablePermits();
	}

	private ClientSession connect(SshTarget target) {
		ConnectFuture future;
		try {
			future = this.client.connect(target.username(), target.host(), target.port());
		}
		catch (IOException ex) {
			throw new SshException(target, SshStep.CONNECT, reason(ex), ex);
		}
		Duration timeout = this.settings.connectTimeout();
		try {
			if (!future.await(timeout)) {
				future.cancel();
				throw new SshException(target, SshStep.CONNECT, "no connection within " + timeout.toMillis() + " ms");
			}
		}
		catch (IOException ex) {
			throw new SshException(target, SshStep.CONNECT, reason(ex), ex);
		}
		if (future.getException() != null) {
			throw new SshException(target, SshStep.CONNECT, reason(future.getException()), future.getException());
		}
		return future.getSession();
	}

	private static void addIdentity(ClientSession session, SshTarget target) {
		if (target.auth() instanceof SshAuth.PrivateKey key) {
			KeyPair pair;
			try {
				pair = PrivateKeyReader.read(key.keyText(), key.passphrase());
			}
			catch (InvalidPrivateKeyException ex) {
				throw new SshException(target, SshStep.AUTH, ex.getMessage(), ex);
			}
			session.addPublicKeyIdentity(pair);
		}
		else if (target.auth() instanceof SshAuth.Password password) {
			session.addPasswordIdentity(password.password());
		}
	}

	private void authenticate(ClientSession session, SshTarget target) {
		Duration timeout = this.settings.authTimeout();
		try {
			session.auth().verify(timeout);
		}
		catch (IOException | RuntimeException ex) {
			HostKeyRejectedException rejection = this.hostKeyVerifier.takeRejection(session);
			if (rejection != null) {
				throw rejection;
			}
			if (session.isClosed() || session.isClosing()) {
				if (session.getServerKey() == null) {
					throw new SshException(target, SshStep.CONNECT,
							"the server closed the connection during key exchange: " + reason(ex), ex);
				}
			}
			String detail = (target.auth() instanceof SshAuth.PrivateKey)
					? "the server refused the key for user " + target.username()
					: "the server refused the password for user " + target.username();
			if (ex.getMessage() != null && ex.getMessage().contains("timeout")) {
				detail = "no answer to authentication within " + timeout.toMillis() + " ms";
			}
			throw new SshException(target, SshStep.AUTH, detail, ex);
		}
	}

	static String reason(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		return message;
	}

	private static void closeQuietly(ClientSession session) {
		try {
			session.close(true).await(Duration.ofSeconds(2));
		}
		catch (IOException ex) {
			// Closing after a failure: the failure is what the caller needs to see.
		}
	}

	@Override
	public void close() {
		this.client.stop();
	}

}
