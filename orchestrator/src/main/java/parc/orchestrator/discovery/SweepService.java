package parc.orchestrator.discovery;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Service;

import parc.orchestrator.network.InvalidNetworkException;
import parc.orchestrator.network.Network;
import parc.orchestrator.network.NetworkRange;
import parc.orchestrator.network.NetworkService;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;

/**
 * Sweeps of networks from this server: every address probed, no more at once than the
 * concurrency, a pause between two; each that answers recorded as a device at once, the
 * counts saved as they rise; one sweep per network at a time, on any node; a stop ends
 * the probes within the probe time limit.
 */
@Service
@EnableConfigurationProperties(DiscoveryProperties.class)
public class SweepService {

	/** No sweep of more addresses than a /8, confirmed or not. */
	public static final int SHORTEST_PREFIX = 8;

	private static final Logger log = LoggerFactory.getLogger(SweepService.class);

	/**
	 * How often a running sweep saves its counts and looks for a stop from another node.
	 */
	private static final Duration PROGRESS_EVERY = Duration.ofMillis(500);

	private final SweepRepository repository;

	private final NetworkService networks;

	private final DeviceService devices;

	private final AddressProber prober;

	private final DiscoveryProperties properties;

	private final Clock clock;

	private final ExecutorService sweeps = Executors.newCachedThreadPool(new CustomizableThreadFactory("sweep-"));

	/** Sweeps of this node an admin asked to stop. */
	private final Set<Long> stopping = ConcurrentHashMap.newKeySet();

	SweepService(SweepRepository repository, NetworkService networks, DeviceService devices, AddressProber prober,
			DiscoveryProperties properties, Optional<Clock> clock) {
		this.repository = repository;
		this.networks = networks;
		this.devices = devices;
		this.prober = prober;
		this.properties = properties;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Starts a sweep of the network in the background.
	 * @param confirmed the admin confirmed a network larger than
	 * {@link DiscoveryProperties#largestUnconfirmedPrefix()}
	 * @return the sweep, RUNNING
	 * @throws InvalidNetworkException when the network may not be swept (ignored, IPv6
	 * too large, too large unconfirmed), or is being swept
	 */
	public Sweep start(long networkId, String by, boolean confirmed) {
		Network network = this.networks.get(networkId);
		NetworkRange range = network.range();
		if (network.ignored()) {
			throw new InvalidNetworkException("ignored", network.name() + " is ignored: it is not swept");
		}
		if (!range.sweepable()) {
			throw new InvalidNetworkException("address", range.cidr() + " is too large to sweep: IPv6 networks are"
					+ " swept from /" + NetworkRange.SHORTEST_SWEPT_IPV6_PREFIX);
		}
		if (range.version() == 4 && range.prefix() < SHORTEST_PREFIX) {
			throw new InvalidNetworkException("address",
					range.cidr() + " holds more than 16,777,216 addresses: sweep its parts");
		}
		BigInteger count = range.sweptCount();
		if (range.version() == 4 && range.prefix() < this.properties.largestUnconfirmedPrefix() && !confirmed) {
			throw new InvalidNetworkException("confirm",
					range.cidr() + " holds " + count + " addresses: confirm to sweep a network larger than /"
							+ this.properties.largestUnconfirmedPrefix());
		}
		Set<InetAddress> own = ownAddressesIn(range);
		Optional<Long> started = this.repository.start(networkId, by, count.intValueExact() - own.size(),
				this.clock.instant());
		if (started.isEmpty()) {
			String running = this.repository.running(networkId)
				.map((sweep) -> "sweep " + sweep.id() + ", started " + sweep.startedAt() + " by " + sweep.startedBy())
				.orElse("another sweep");
			throw new SweepRunningException(networkId, running + " is still running");
		}
		Sweep sweep = get(started.get());
		this.sweeps.execute(() -> run(sweep, range, own));
		return sweep;
	}

	/**
	 * This server's own addresses in the range: not probed, since this server is no
	 * device to discover.
	 */
	private static Set<InetAddress> ownAddressesIn(NetworkRange range) {
		Set<InetAddress> own = new java.util.HashSet<>();
		try {
			for (NetworkInterface face : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
				for (InetAddress address : java.util.Collections.list(face.getInetAddresses())) {
					if (range.contains(address.getHostAddress())) {
						own.add(address);
					}
				}
			}
		}
		catch (SocketException ex) {
			log.warn("This server's own addresses could not be listed: a sweep may probe them", ex);
		}
		return own;
	}

	/**
	 * Stops a running sweep: no address is probed after this, those being probed end
	 * within the probe time limit.
	 * @return the sweep as it stands
	 */
	public Sweep stop(long sweepId, String by) {
		Sweep sweep = get(sweepId);
		if (this.repository.requestStop(sweepId, by)) {
			this.stopping.add(sweepId);
		}
		return get(sweep.id());
	}

	/**
	 * @throws SweepNotFoundException when there is no such sweep
	 */
	public Sweep get(long id) {
		return this.repository.find(id).orElseThrow(() -> new SweepNotFoundException(id));
	}

	public Page<Sweep> sweepsOf(long networkId, PageRequest page) {
		this.networks.get(networkId);
		return this.repository.page(networkId, page);
	}

	public Optional<Sweep> lastOf(long networkId) {
		return this.repository.last(networkId);
	}

	private void run(Sweep sweep, NetworkRange range, Set<InetAddress> own) {
		ProbeSettings settings = this.properties.probeSettings();
		int concurrency = this.properties.concurrency();
		ExecutorService probes = Executors.newFixedThreadPool(concurrency,
				new CustomizableThreadFactory("sweep-" + sweep.id() + "-probe-"));
		Semaphore places = new Semaphore(concurrency);
		AtomicInteger probed = new AtomicInteger();
		AtomicInteger found = new AtomicInteger();
		long nextCheck = System.nanoTime() + PROGRESS_EVERY.toNanos();
		boolean stopped = false;
		String error = null;
		try {
			Iterator<InetAddress> addresses = range.sweptAddresses();
			while (addresses.hasNext()) {
				if (System.nanoTime() >= nextCheck) {
					this.repository.progress(sweep.id(), probed.get(), found.get());
					stopped = this.stopping.contains(sweep.id()) || this.repository.stopRequested(sweep.id());
					nextCheck = System.nanoTime() + PROGRESS_EVERY.toNanos();
				}
				if (stopped || this.stopping.contains(sweep.id())) {
					stopped = true;
					break;
				}
				places.acquire();
				InetAddress address = addresses.next();
				if (own.contains(address)) {
					places.release();
					continue;
				}
				probes.execute(() -> {
					try {
						probe(sweep.networkId(), address, settings, found);
					}
					finally {
						probed.incrementAndGet();
						places.release();
					}
				});
				pause();
			}
			probes.shutdown();
			long limit = settings.timeout().toMillis() * 3 + 10_000;
			while (!probes.awaitTermination(PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS)) {
				this.repository.progress(sweep.id(), probed.get(), found.get());
				limit -= PROGRESS_EVERY.toMillis();
				if (limit <= 0) {
					probes.shutdownNow();
					break;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			stopped = true;
			error = "Parc is stopping";
		}
		catch (RuntimeException ex) {
			log.warn("Sweep {} of network {} failed", sweep.id(), sweep.networkId(), ex);
			error = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		}
		finally {
			probes.shutdownNow();
			this.stopping.remove(sweep.id());
		}
		finish(sweep, stopped, error, probed.get(), found.get());
	}

	private void probe(long networkId, InetAddress address, ProbeSettings settings, AtomicInteger found) {
		try {
			ProbeReport report = this.prober.probe(address, settings);
			if (report.answered()) {
				this.devices.record(networkId, FoundDevice.of(report, DeviceSource.SWEEP));
				found.incrementAndGet();
			}
		}
		catch (RuntimeException ex) {
			log.warn("Probe of {} failed", address.getHostAddress(), ex);
		}
	}

	private void finish(Sweep sweep, boolean stopped, String error, int probed, int found) {
		try {
			if (stopped) {
				this.repository.finish(sweep.id(), Sweep.State.STOPPED, probed, found, error, this.clock.instant());
			}
			else if (error != null) {
				this.repository.finish(sweep.id(), Sweep.State.FAILED, probed, found, error, this.clock.instant());
			}
			else {
				int absent = this.devices.countMissed(sweep.networkId(), sweep.startedAt(),
						this.properties.absentAfter());
				this.repository.finish(sweep.id(), Sweep.State.DONE, probed, found, null, this.clock.instant());
				log.info("Sweep {} of network {}: {} address(es) probed, {} answered, {} device(s) now absent",
						sweep.id(), sweep.networkId(), probed, found, absent);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Sweep {} could not be recorded as finished", sweep.id(), ex);
		}
	}

	private void pause() throws InterruptedException {
		long nanos = this.properties.delayBetweenProbes().toNanos();
		if (nanos > 0) {
			TimeUnit.NANOSECONDS.sleep(nanos);
		}
	}

	@PreDestroy
	void stopAll() {
		this.sweeps.shutdownNow();
	}

}
