package parc.orchestrator.discovery;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import parc.orchestrator.credential.CredentialDraft;
import parc.orchestrator.credential.CredentialService;
import parc.orchestrator.credential.CredentialType;
import parc.orchestrator.machine.Channel;
import parc.orchestrator.machine.Machine;
import parc.orchestrator.machine.MachineDraft;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.machine.OsFamily;
import parc.orchestrator.network.InvalidNetworkException;
import parc.orchestrator.network.Network;
import parc.orchestrator.network.NetworkDraft;
import parc.orchestrator.network.NetworkService;
import parc.orchestrator.schedule.Schedule;
import parc.orchestrator.schedule.ScheduleDraft;
import parc.orchestrator.schedule.ScheduleKind;
import parc.orchestrator.schedule.ScheduleRun;
import parc.orchestrator.schedule.ScheduleRunner;
import parc.orchestrator.schedule.ScheduleService;
import parc.orchestrator.schedule.ScheduleTarget;
import parc.orchestrator.system.paging.PageRequest;
import parc.orchestrator.testsupport.FreeNetworks;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Sweeps, devices and their limits on the embedded PostgreSQL, with a stand-in prober
 * whose answers each test sets (the real probes run against namespaces in the adapter's
 * and the application's tests).
 */
@PostgresBackedTest(properties = { "camunda.bpm.job-execution.enabled=false", "spring.quartz.auto-startup=false",
		"parc.discovery.absent-after=2", "parc.discovery.concurrency=4" })
@Import(SweepServiceTest.AnsweringAddresses.class)
class SweepServiceTest {

	/** Address -> what it answers; the others are silent. */
	static final Map<String, ProbeReport> answers = new ConcurrentHashMap<>();

	private static final CountDownLatch NEVER_ANSWERS = new CountDownLatch(1);

	/** Addresses whose probe takes the whole time limit, for the stop test. */
	static final Map<String, Boolean> slow = new ConcurrentHashMap<>();

	@Autowired
	SweepService sweeps;

	@Autowired
	NetworkService networks;

	@Autowired
	DeviceService devices;

	@Autowired
	MachineService machines;

	@Autowired
	CredentialService credentials;

	@Autowired
	ScheduleService schedules;

	@Autowired
	ScheduleRunner runner;

	/** A /28 of its own (14 addresses). */
	private Network network() {
		return FreeNetworks.declare(this.networks, 28, "sweep " + UUID.randomUUID());
	}

	private static String host(Network network, int number) {
		String base = network.cidr().substring(0, network.cidr().lastIndexOf('.') + 1);
		int first = Integer
			.parseInt(network.cidr().substring(network.cidr().lastIndexOf('.') + 1, network.cidr().indexOf('/')));
		return base + (first + number);
	}

	private Sweep sweepToTheEnd(Network network) {
		Sweep started = this.sweeps.start(network.id(), "alice", false);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.sweeps.get(started.id()).state() != Sweep.State.RUNNING);
		return this.sweeps.get(started.id());
	}

	@Test
	void shouldRecordEachAnswerClassifiedAndMatchedThenMarkTheSilentOnesAbsentAfterTwoSweeps() {
		Network network = network();
		long credential = this.credentials
			.create(new CredentialDraft("sweep " + UUID.randomUUID(), CredentialType.PASSWORD, "root", null, null,
					"pw"))
			.id();
		Machine known = this.machines
			.register(new MachineDraft("known-" + UUID.randomUUID(), "192.0.2.250", List.of("52:54:00:12:34:56"),
					OsFamily.LINUX, Channel.AGENTLESS_SSH, 22, null, credential, List.of(), null, null));
		answers.put(host(network, 1), new ProbeReport(host(network, 1), true, true, List.of(22), null,
				"SSH-2.0-OpenSSH_9.2p1 Debian-2", "52:54:00:12:34:56"));
		answers.put(host(network, 2),
				new ProbeReport(host(network, 2), true, true, List.of(135, 445, 3389), null, null, null));
		answers.put(host(network, 3),
				new ProbeReport(host(network, 3), false, true, List.of(9100), null, null, "aa:bb:cc:00:00:03"));

		Sweep first = sweepToTheEnd(network);

		assertThat(first.state()).isEqualTo(Sweep.State.DONE);
		assertThat(first.planned()).isEqualTo(14);
		assertThat(first.probed()).isEqualTo(14);
		assertThat(first.found()).isEqualTo(3);
		List<Device> found = this.devices.onNetwork(network.id(), null, new PageRequest(0, 50)).content();
		assertThat(found).extracting(Device::deviceClass)
			.containsExactly(DeviceClass.LINUX_UNIX, DeviceClass.WINDOWS, DeviceClass.NETWORK_DEVICE_OR_PRINTER);
		assertThat(found.get(0).state()).isEqualTo(DeviceState.MACHINE);
		assertThat(found.get(0).machineId()).as("matched by MAC, not by its other address").isEqualTo(known.id());
		assertThat(found.get(2).mac()).isEqualTo("AA:BB:CC:00:00:03");

		answers.remove(host(network, 2));
		sweepToTheEnd(network);
		assertThat(this.devices.onNetwork(network.id(), DeviceState.ABSENT, new PageRequest(0, 50)).content())
			.as("one sweep missed: not absent yet")
			.isEmpty();
		sweepToTheEnd(network);
		assertThat(this.devices.onNetwork(network.id(), DeviceState.ABSENT, new PageRequest(0, 50)).content())
			.extracting(Device::address)
			.containsExactly(host(network, 2));

		answers.put(host(network, 2), new ProbeReport(host(network, 2), true, true, List.of(3389), null, null, null));
		sweepToTheEnd(network);
		assertThat(this.devices.countsOnNetwork(network.id())).containsEntry(DeviceState.ABSENT, 0L)
			.containsEntry(DeviceState.UNKNOWN, 2L);
	}

	@Test
	void shouldRefuseASecondSweepOfTheNetworkAndStopWithinSeconds() {
		Network network = network();
		for (int number = 1; number <= 14; number++) {
			slow.put(host(network, number), true);
		}
		Sweep started = this.sweeps.start(network.id(), "alice", false);

		assertThatThrownBy(() -> this.sweeps.start(network.id(), "bob", false))
			.isInstanceOf(SweepRunningException.class)
			.hasMessageContaining("sweep " + started.id())
			.hasMessageContaining("is still running");
		this.sweeps.stop(started.id(), "alice");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.sweeps.get(started.id()).state() == Sweep.State.STOPPED);
		assertThat(this.sweeps.get(started.id()).probed()).isLessThan(14);
		assertThat(this.sweeps.get(started.id()).error()).isEqualTo("stopped by alice");
	}

	@Test
	void shouldAskToConfirmANetworkLargerThanASlash16AndNeverSweepWhatMayNotBe() {
		Network large = this.networks.create(new NetworkDraft(null, "198.18.0.0/15", null, null, null), "alice");
		Network huge = this.networks.create(new NetworkDraft(null, "100.0.0.0/7", null, null, null), "alice");
		Network v6 = this.networks.create(new NetworkDraft(null, "2001:db8:1::/64", null, null, null), "alice");
		Network ignored = this.networks.create(new NetworkDraft(null, "203.0.113.240/29", null, null, true), "alice");

		assertThatThrownBy(() -> this.sweeps.start(large.id(), "alice", false))
			.isInstanceOf(InvalidNetworkException.class)
			.hasMessage("198.18.0.0/15 holds 131070 addresses: confirm to sweep a network larger than /16");
		assertThatThrownBy(() -> this.sweeps.start(huge.id(), "alice", true))
			.hasMessageContaining("more than 16,777,216 addresses");
		assertThatThrownBy(() -> this.sweeps.start(v6.id(), "alice", true)).hasMessageContaining("from /120");
		assertThatThrownBy(() -> this.sweeps.start(ignored.id(), "alice", true)).hasMessageContaining("is ignored");
	}

	@Test
	void shouldSweepTheNetworksOfASweepSchedule() {
		Network network = network();
		answers.put(host(network, 5), new ProbeReport(host(network, 5), true, true, List.of(), null, null, null));
		Schedule schedule = this.schedules.create(
				new ScheduleDraft("sweeps " + UUID.randomUUID(), ScheduleKind.NETWORK_SWEEP,
						ScheduleTarget.networks(List.of(network.id())), "0 0 3 1 1 ? 2099", null, null, null, false),
				"alice");

		ScheduleRun run = this.runner.run(schedule.id(), ScheduleRunner.BY_SCHEDULE);

		assertThat(run.state()).isEqualTo(ScheduleRun.State.DONE);
		assertThat(run.counts()).isEqualTo(new ScheduleRun.Counts(1, 1, 0));
		assertThat(this.sweeps.lastOf(network.id())).hasValueSatisfying((sweep) -> {
			assertThat(sweep.startedBy()).isEqualTo("schedule " + schedule.name());
			assertThat(sweep.found()).isEqualTo(1);
		});
	}

	@TestConfiguration
	static class AnsweringAddresses {

		@Bean
		AddressProber answeringAddresses() {
			return (address, settings) -> {
				String text = address.getHostAddress();
				if (slow.containsKey(text)) {
					// A host that takes the whole probe time limit to say nothing.
					try {
						NEVER_ANSWERS.await(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
				return answers.getOrDefault(text, ProbeReport.silent(text));
			};
		}

	}

}
