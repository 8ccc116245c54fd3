package parc.agentlessadapter.ssh;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts and policies of the SSH client.
 *
 * @param connectTimeout TCP connection plus SSH negotiation
 * @param authTimeout key exchange plus authentication
 * @param keepAliveInterval how often an idle session sends a keep-alive; zero disables it
 * @param channelOpenTimeout how long opening a command or SFTP channel may take
 * @param hostKeyPolicy what to do with a first-seen host key
 * @param maxHandshakes how many connections may be in their key exchange and
 * authentication at once; the others wait their turn before their timeouts start, so that
 * a fan-out to hundreds of machines does not starve every handshake of CPU until they all
 * time out
 */
public record SshSettings(Duration connectTimeout, Duration authTimeout, Duration keepAliveInterval,
		Duration channelOpenTimeout, HostKeyPolicy hostKeyPolicy, int maxHandshakes) {

	public SshSettings {
		Objects.requireNonNull(connectTimeout, "connectTimeout");
		Objects.requireNonNull(authTimeout, "authTimeout");
		Objects.requireNonNull(keepAliveInterval, "keepAliveInterval");
		Objects.requireNonNull(channelOpenTimeout, "channelOpenTimeout");
		Objects.requireNonNull(hostKeyPolicy, "hostKeyPolicy");
		if (maxHandshakes < 1) {
			throw new IllegalArgumentException("maxHandshakes must be at least 1, not " + maxHandshakes);
		}
	}

	/**
	 * 10 s to connect, 15 s to authenticate, keep-alive every 30 s, trust on first use,
	 * 32 handshakes at once.
	 */
	public static SshSettings defaults() {
		return new SshSettings(Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(30),
				Duration.ofSeconds(15), HostKeyPolicy.TRUST_ON_FIRST_USE, 32);
	}

	public SshSettings withHostKeyPolicy(HostKeyPolicy policy) {
		return new SshSettings(this.connectTimeout, this.authTimeout, this.keepAliveInterval, this.channelOpenTimeout,
				policy, this.maxHandshakes);
	}

	public SshSettings withConnectTimeout(Duration timeout) {
		return new SshSettings(timeout, this.authTimeout, this.keepAliveInterval, this.channelOpenTimeout,
				this.hostKeyPolicy, this.maxHandshakes);
	}

	public SshSettings withAuthTimeout(Duration timeout) {
		return new SshSettings(this.connectTimeout, timeout, this.keepAliveInterval, this.channelOpenTimeout,
				this.hostKeyPolicy, this.maxHandshakes);
	}

	public SshSettings withKeepAliveInterval(Duration interval) {
		return new SshSettings(this.connectTimeout, this.authTimeout, interval, this.channelOpenTimeout,
				this.hostKeyPolicy, this.maxHandshakes);
	}

	public SshSettings withMaxHandshakes(int max) {
		return new SshSettings(this.connectTimeout, this.authTimeout, this.keepAliveInterval, this.channelOpenTimeout,
				this.hostKeyPolicy, max);
	}

}
