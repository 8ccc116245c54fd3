package parc.orchestrator.cluster;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import parc.orchestrator.system.restart.InterruptedWorkRecovery;
import parc.orchestrator.system.restart.Interruption;

/**
 * This node's row and heartbeat. The node registers before it can take any work, writes a
 * heartbeat with its last minute's counts on its own thread (never Quartz's, whose jobs
 * run on one node of the cluster only), and looks for nodes whose heartbeats stopped: the
 * node whose update marks one missing resolves the work that node left running, as a
 * restart would. Work the engines hold (engine jobs, phase tasks, Quartz triggers) needs
 * nothing from here: their locks expire and any node takes it.
 */
@Component
class NodeHeartbeat implements InitializingBean, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(NodeHeartbeat.class);

	private final ClusterRepository repository;

	private final ThisNode node;

	private final WorkCounters counters;

	private final ClusterProperties properties;

	private final InterruptedWorkRecovery recovery;

	private final Clock clock;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "parc-heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	private volatile boolean sharedName;

	NodeHeartbeat(ClusterRepository repository, ThisNode node, WorkCounters counters, ClusterProperties properties,
			InterruptedWorkRecovery recovery, Optional<Clock> clock) {
		this.repository = repository;
		this.node = node;
		this.counters = counters;
		this.properties = properties;
		this.recovery = recovery;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Override
	public void afterPropertiesSet() {
		List<String> live = this.repository.live(this.properties.missingAfter());
		if (live.contains(this.node.name())) {
			log.warn(
					"Node {} sent a heartbeat less than {} ago: if it was not this node's last run, another node"
							+ " has the same name; give each node its own parc.node.name",
					this.node.name(), this.properties.missingAfter());
		}
		this.repository.register(this.node);
		log.info("Node {} ({}, version {}) joined the cluster; {} other node(s) up", this.node.name(),
				this.node.address(), this.node.version(),
				live.stream().filter((name) -> !name.equals(this.node.name())).count());
		long every = this.properties.heartbeatEvery().toMillis();
		this.timer.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
	}

	/**
	 * Before anything else reacts to Parc being ready: what this node's last run left
	 * running, and what nodes gone before it started left, is resolved.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void atStart() {
		Set<String> others = new HashSet<>(this.repository.live(this.properties.missingAfter()));
		others.remove(this.node.name());
		this.recovery.resolveAll(new Interruption(this.clock.instant(), this.node.name(), true, others));
	}

	void beat() {
		try {
			if (!this.repository.heartbeat(this.node, this.counters.engineJobsLastMinute(),
					this.counters.phaseTasksLastMinute(), this.counters.scheduleJobsLastMinute())) {
				rejoin();
			}
			takeOverMissingNodes();
		}
		catch (RuntimeException ex) {
			// The database is away: the next beat tries again; the others may call this
			// node missing meanwhile, which is right, since it cannot work either.
			log.warn("Heartbeat of node {} not written: {}", this.node.name(), ex.getMessage());
		}
	}

	private void rejoin() {
		if (this.repository.exists(this.node.name())) {
			if (!this.sharedName) {
				log.error("Another node started under this node's name {}: give each node its own parc.node.name."
						+ " Until then the Cluster page shows one of them only.", this.node.name());
				this.sharedName = true;
			}
			return;
		}
		// Forgotten by an administrator while it was up.
		this.repository.register(this.node);
	}

	void takeOverMissingNodes() {
		for (String lost : this.repository.markMissing(this.properties.missingAfter())) {
			log.warn("Node {} missed its heartbeats for {}: node {} takes over the work it left running", lost,
					this.properties.missingAfter(), this.node.name());
			Set<String> live = new HashSet<>(this.repository.live(this.properties.missingAfter()));
			live.add(this.node.name());
			this.recovery.resolveAll(new Interruption(this.clock.instant(), lost, false, live));
		}
	}

	@Override
	public void destroy() {
		this.timer.shutdownNow();
		try {
			this.repository.stopped(this.node);
			log.info("Node {} left the cluster", this.node.name());
		}
		catch (RuntimeException ex) {
			log.warn("Node {} could not record its stop: the others will call it missing", this.node.name());
		}
	}

}
