package parc.orchestrator.teledeployment;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import parc.orchestrator.deployment.Deployment;
import parc.orchestrator.deployment.DeploymentOptions;
import parc.orchestrator.deployment.DeploymentRequest;
import parc.orchestrator.deployment.DeploymentService;
import parc.orchestrator.deployment.DeploymentTarget;
import parc.orchestrator.deployment.TargetState;
import parc.orchestrator.machine.Channel;
import parc.orchestrator.machine.Machine;
import parc.orchestrator.machine.MachineDraft;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.machine.OsFamily;
import parc.orchestrator.pkg.IncomingFile;
import parc.orchestrator.pkg.PackageDraft;
import parc.orchestrator.pkg.PackageService;
import parc.orchestrator.pkg.SoftwarePackage;
import parc.orchestrator.system.paging.PageRequest;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bookkeeping of packages offered to agents (protocol §4.8), on real PostgreSQL,
 * without an agent: what a PROLOG offers, what a report changes, what the download server
 * serves, and the statistics.
 */
@PostgresBackedTest
class TeledeploymentServiceTest {

	@Autowired
	TeledeploymentService teledeployment;

	@Autowired
	DeploymentService deployments;

	@Autowired
	PackageService packages;

	@Autowired
	MachineService machines;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void defaultSettings() {
		this.teledeployment.updateSettings(AgentDownloadSettings.defaults());
	}

	@Test
	void shouldOfferOnceThenWaitForTheReportThatEndsIt() {
		Offered offered = offer(DeploymentOptions.defaults());

		PrologOffers first = this.teledeployment.prologOffers(offered.machine().id());
		PrologOffers second = this.teledeployment.prologOffers(offered.machine().id());

		assertThat(first.offers()).extracting(AgentOffer::ocsId).containsExactly(offered.ocsId());
		assertThat(first.offers().get(0).force()).isFalse();
		assertThat(second.offers()).as("re-offered until a report comes").hasSize(1);
		assertThat(target(offered).state()).isEqualTo(TargetState.NOTIFIED);

		assertThat(this.teledeployment.agentReported(offered.machine().id(), Long.toString(offered.ocsId()),
				"ERR_BAD_DIGEST"))
			.isTrue();

		assertThat(this.teledeployment.prologOffers(offered.machine().id()).offers()).isEmpty();
		assertThat(target(offered).agentResult()).isEqualTo("ERR_BAD_DIGEST");
		assertThat(this.teledeployment.statistics(offered.pkg().id()).counts()).containsEntry("ERR_BAD_DIGEST", 1L);
	}

	@Test
	void shouldKeepAReportForAPackageNotOfferedAsNothingButAnAuditLine() {
		Offered offered = offer(DeploymentOptions.defaults());

		assertThat(this.teledeployment.agentReported(offered.machine().id(), "999999", "SUCCESS")).isFalse();
		assertThat(this.teledeployment.agentReported(offered.machine().id(), "../1", "SUCCESS")).isFalse();

		assertThat(target(offered).state()).isEqualTo(TargetState.WAITING_FOR_AGENT);
		assertThat(target(offered).agentResult()).isNull();
	}

	@Test
	void shouldKeepAnUnknownCodeAsSentAndCountItAsAFailure() {
		Offered offered = offer(DeploymentOptions.defaults());

		this.teledeployment.agentReported(offered.machine().id(), Long.toString(offered.ocsId()), "EXIT_CODE_7 <x>");

		assertThat(target(offered).agentResult()).isEqualTo("EXIT_CODE_7 <x>");
		assertThat(this.teledeployment.statistics(offered.pkg().id()).rows()).singleElement()
			.satisfies((row) -> assertThat(row.success()).isFalse());
	}

	@Test
	void shouldOfferNothingOutsideTheWindowsOrWhileSwitchedOff() {
		int hour = java.time.ZonedDateTime.now(this.deployments.zone()).getHour();
		String elsewhere = ((hour + 3) % 24) + "-" + ((hour + 4) % 24);
		Offered closed = offer(DeploymentOptions.builder().intervals(elsewhere).build());

		assertThat(this.teledeployment.prologOffers(closed.machine().id()).offers()).isEmpty();

		Offered open = offer(DeploymentOptions.defaults());
		this.teledeployment.updateSettings(new AgentDownloadSettings(false, 10, 60, 1, 10, 30, 120));
		assertThat(this.teledeployment.prologOffers(open.machine().id())).isNull();
	}

	@Test
	void shouldEndAWaitingOfferFromTheAgentsHistoryAndNotOfferItAgain() {
		Offered offered = offer(DeploymentOptions.defaults());

		this.teledeployment.historyReported(offered.machine().id(), List.of(Long.toString(offered.ocsId()), "x1"));

		assertThat(target(offered).agentResult()).isEqualTo(AgentResultCodes.ALREADY_IN_HISTORY);
		assertThat(this.teledeployment.prologOffers(offered.machine().id()).offers()).isEmpty();
		Offered again = offerTo(offered.machine(), offered.pkg(), DeploymentOptions.defaults());
		assertThat(again.outcome()).isEqualTo(OfferOutcome.ALREADY_INSTALLED);
	}

	@Test
	void shouldServeOnlyTheFilesOfAnOfferedBuild() throws Exception {
		Offered offered = offer(DeploymentOptions.defaults());
		String id = Long.toString(offered.ocsId());

		assertThat(this.teledeployment.downloadableFile(id, "info")).isPresent();
		assertThat(this.teledeployment.downloadableFile(id, "..")).isEmpty();
		assertThat(this.teledeployment.downloadableFile(id, "../" + id + "/info")).isEmpty();
		assertThat(this.teledeployment.downloadableFile(id, id + "-1")).as("a build without fragments").isEmpty();
		assertThat(this.teledeployment.downloadableFile("1" + id, "info")).isEmpty();
		assertThat(this.teledeployment.downloadableFile(id + "/..", "info")).isEmpty();
		assertThat(this.teledeployment.downloadableFile(id, "INFO")).isEmpty();
		assertThat(Files.readString(this.teledeployment.downloadableFile(id, "info").orElseThrow())).contains(id);

		this.teledeployment.agentReported(offered.machine().id(), id, "SUCCESS");
		assertThat(this.teledeployment.downloadableFile(id, "info")).as("no longer offered").isEmpty();
	}

	@Test
	void shouldBuildOncePerCommandLineAndAgainWhenTheParametersChange() {
		SoftwarePackage pkg = linuxPackage();
		Machine one = agentMachine();
		Machine two = agentMachine();

		long first = offerTo(one, pkg, DeploymentOptions.defaults()).ocsId();
		long same = offerTo(two, pkg, DeploymentOptions.defaults()).ocsId();
		long other = offerTo(one, pkg, DeploymentOptions.builder().parameters(List.of("--quiet")).build()).ocsId();

		assertThat(same).isEqualTo(first);
		assertThat(other).isNotEqualTo(first);
		// Agents cache info by id: new agent settings need a new one.
		SoftwarePackage edited = this.packages.update(pkg.id(),
				new PackageDraft(pkg.label(), pkg.version(), null, pkg.command(), OsFamily.LINUX, false, null,
						new parc.orchestrator.pkg.AgentPackageSettings(null, null, null, 1, null, null, null, null,
								null, null, null)));
		assertThat(offerTo(two, edited, DeploymentOptions.defaults()).ocsId()).isNotIn(first, other);
		assertThat(first).as("at least the Unix time, as ocsreports numbers packages")
			.isGreaterThanOrEqualTo(java.time.Instant.now().getEpochSecond() - 3600);
	}

	@Test
	void shouldCountEveryStateAndLetSuccessesBeValidated() {
		SoftwarePackage pkg = linuxPackage();
		Offered ok = offerTo(agentMachine(), pkg, DeploymentOptions.defaults());
		Offered launched = offerTo(agentMachine(), pkg, DeploymentOptions.defaults());
		Offered notified = offerTo(agentMachine(), pkg, DeploymentOptions.defaults());
		offerTo(agentMachine(), pkg, DeploymentOptions.defaults());
		this.teledeployment.prologOffers(notified.machine().id());
		this.teledeployment.agentReported(ok.machine().id(), Long.toString(ok.ocsId()), "SUCCESS");
		this.teledeployment.agentReported(launched.machine().id(), Long.toString(launched.ocsId()), "SUCCESS_3");

		AgentStatistics statistics = this.teledeployment.statistics(pkg.id());

		assertThat(statistics.total()).isEqualTo(4);
		assertThat(statistics.counts()).containsEntry("SUCCESS", 1L)
			.containsEntry("SUCCESS_3", 1L)
			.containsEntry("NOTIFIED", 1L)
			.containsEntry("WAITING_FOR_AGENT", 1L);
		assertThat(statistics.rows()).allSatisfy((row) -> assertThat(row.percent()).isEqualTo(25.0));
		assertThat(this.teledeployment.statisticsMachines(pkg.id(), "NOTIFIED", new PageRequest(0, 20)).content())
			.extracting(AgentStatisticsMachine::machineId)
			.containsExactly(notified.machine().id());

		assertThat(this.teledeployment.validateSuccesses(pkg.id())).isEqualTo(2);

		assertThat(this.teledeployment.statistics(pkg.id()).counts()).containsOnlyKeys("NOTIFIED", "WAITING_FOR_AGENT");
		assertThat(target(ok).agentResult()).as("the deployment keeps it").isEqualTo("SUCCESS");
	}

	private record Offered(Machine machine, SoftwarePackage pkg, Deployment deployment, long ocsId,
			OfferOutcome outcome) {

	}

	private Offered offer(DeploymentOptions options) {
		return offerTo(agentMachine(), linuxPackage(), options);
	}

	private Offered offerTo(Machine machine, SoftwarePackage pkg, DeploymentOptions options) {
		Deployment deployment = this.deployments.create(new DeploymentRequest(pkg.id(), List.of(machine.id()), options),
				"admin");
		OfferOutcome outcome = this.teledeployment.offer(deployment.id(), machine.name(), machine.id(),
				UUID.randomUUID().toString());
		long ocsId = this.jdbc.sql("select ocs_id from agent_offer where deployment_id = ?")
			.param(deployment.id())
			.query(Long.class)
			.single();
		return new Offered(machine, pkg, deployment, ocsId, outcome);
	}

	private DeploymentTarget target(Offered offered) {
		return this.deployments.target(offered.deployment().id(), offered.machine().name());
	}

	private SoftwarePackage linuxPackage() {
		return this.packages.createFromFiles(
				new PackageDraft(unique("pkg"), "1.0", null, "sh install.sh", OsFamily.LINUX, false, null),
				List.of(new IncomingFile("install.sh", () -> new ByteArrayInputStream("echo ok".getBytes()))), "admin");
	}

	private Machine agentMachine() {
		return this.machines.register(new MachineDraft(unique("pc"), "192.0.2.80", List.of(), OsFamily.LINUX,
				Channel.OCS_AGENT, null, null, null, List.of(), null, null));
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
