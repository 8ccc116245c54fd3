package parc.routes.deployment;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Component;

import parc.agentlessadapter.ssh.RemoteSession;
import parc.agentlessadapter.ssh.SshConnector;
import parc.agentlessadapter.ssh.SshTarget;
import parc.orchestrator.deployment.PhaseWork;

/**
 * One SSH connection per machine for the phases that follow each other: a phase that
 * ended well leaves its session here, and the machine's next phase, which usually starts
 * within milliseconds, takes it instead of a new key exchange and login. A session no one
 * takes within {@link #IDLE} is closed; one that failed or dropped is never reused. A
 * machine so logs in once for its transfer, execute and delete instead of three times.
 */
@Component
class PhaseSessions {

	static final Duration IDLE = Duration.ofSeconds(15);

	private final SshConnector connector;

	private final Map<Key, Idle> idle = new ConcurrentHashMap<>();

	private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "parc-phase-sessions");
		thread.setDaemon(true);
		return thread;
	});

	PhaseSessions(SshConnector connector) {
		this.connector = connector;
		this.sweeper.scheduleWithFixedDelay(this::closeIdle, 5, 5, TimeUnit.SECONDS);
	}

	/** Who a session logs in as where: only the same may reuse it. */
	private record Key(long machineId, String host, int port, String username) {

	}

	private record Idle(RemoteSession session, long since) {

	}

	/** The machine's kept session if it is still up, else a new one. */
	Lease lease(PhaseWork work, SshTarget target) {
		Key key = new Key(work.machineId(), target.host(), target.port(), target.username());
		Idle kept = this.idle.remove(key);
		if (kept != null && kept.session().isOpen()) {
			return new Lease(key, kept.session());
		}
		if (kept != null) {
			kept.session().close();
		}
		return new Lease(key, this.connector.open(target));
	}

	private void closeIdle() {
		long now = System.nanoTime();
		this.idle.forEach((key, kept) -> {
			if (now - kept.since() > IDLE.toNanos() && this.idle.remove(key, kept)) {
				kept.session().close();
			}
		});
	}

	@PreDestroy
	void closeAll() {
		this.sweeper.shutdownNow();
		this.idle.values().forEach((kept) -> kept.session().close());
		this.idle.clear();
	}

	/** A session for one phase; kept for the next only if the phase said it went well. */
	final class Lease implements AutoCloseable {

		private final Key key;

		private final RemoteSession session;

		private boolean keep;

		private Lease(Key key, RemoteSession session) {
			this.key = key;
			this.session = session;
		}

		RemoteSession session() {
			return this.session;
		}

		/** The work on this session went well: the next phase may use it. */
		void keep() {
			this.keep = true;
		}

		@Override
		public void close() {
			if (this.keep && this.session.isOpen()) {
				Idle previous = PhaseSessions.this.idle.put(this.key, new Idle(this.session, System.nanoTime()));
				if (previous != null) {
					previous.session().close();
				}
			}
			else {
				this.session.close();
			}
		}

	}

}
