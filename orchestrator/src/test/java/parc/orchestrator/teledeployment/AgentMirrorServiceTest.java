package parc.orchestrator.teledeployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import parc.orchestrator.deployment.Deployment;
import parc.orchestrator.deployment.DeploymentOptions;
import parc.orchestrator.deployment.DeploymentRequest;
import parc.orchestrator.deployment.DeploymentService;
import parc.orchestrator.machine.Channel;
import parc.orchestrator.machine.Machine;
import parc.orchestrator.machine.MachineDraft;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.machine.OsFamily;
import parc.orchestrator.pkg.IncomingFile;
import parc.orchestrator.pkg.PackageDraft;
import parc.orchestrator.pkg.PackageService;
import parc.orchestrator.pkg.SoftwarePackage;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willReturn;

/**
 * Mirrors on real PostgreSQL, with the fetching played by a stand-in: usable only when
 * every file comes back identical, the failing file named otherwise, and chosen for the
 * machines of its network or tag.
 */
@PostgresBackedTest
class AgentMirrorServiceTest {

	@Autowired
	AgentMirrorService mirrors;

	@Autowired
	TeledeploymentService teledeployment;

	@Autowired
	PackageService packages;

	@Autowired
	MachineService machines;

	@Autowired
	DeploymentService deployments;

	@Autowired
	AgentPackageBuilds builds;

	@MockitoBean
	MirrorFetchGateway fetcher;

	@Test
	void shouldBeUsableOnlyWhenItHoldsEveryFileAndServeItsNetworkOrTag() throws Exception {
		SoftwarePackage pkg = linuxPackage();
		given(this.fetcher.fetch(any(), anyLong())).willAnswer((call) -> ours(call.getArgument(0)));

		AgentMirror byNetwork = this.mirrors.add(pkg.id(), new MirrorDraft("mirror.lyon.example/download",
				"mirror.lyon.example:8080/download", "192.0.2.0/24", null));
		AgentMirror byTag = this.mirrors.add(pkg.id(),
				new MirrorDraft("mirror.paris.example/download", "mirror.paris.example/download", null, "paris"));

		assertThat(byNetwork.usable()).as(byNetwork.problem()).isTrue();
		assertThat(byNetwork.checkedAt()).isNotNull();
		assertThat(byTag.usable()).isTrue();
		Machine lyon = agentMachine("192.0.2.15", List.of());
		Machine paris = agentMachine("198.51.100.7", List.of("Paris"));
		Machine elsewhere = agentMachine("203.0.113.9", List.of());
		assertThat(offerOf(lyon, pkg).infoLocation()).isEqualTo("mirror.lyon.example/download");
		assertThat(offerOf(lyon, pkg).fragmentsLocation()).isEqualTo("mirror.lyon.example:8080/download");
		assertThat(offerOf(paris, pkg).infoLocation()).isEqualTo("mirror.paris.example/download");
		assertThat(offerOf(elsewhere, pkg).infoLocation()).as("the built-in server").isNull();
	}

	@Test
	void shouldNameTheFileThatFailedAndNotUseTheMirror() throws Exception {
		SoftwarePackage pkg = linuxPackage();
		given(this.fetcher.fetch(any(), anyLong())).willThrow(new IOException("HTTP 404"));

		AgentMirror mirror = this.mirrors.add(pkg.id(),
				new MirrorDraft("mirror.example/download", "mirror.example/download", "192.0.2.0/24", null));

		assertThat(mirror.usable()).isFalse();
		assertThat(mirror.problem()).startsWith("https://mirror.example/download/").endsWith("/info: HTTP 404");
		assertThat(offerOf(agentMachine("192.0.2.16", List.of()), pkg).infoLocation()).isNull();

		willReturn("<DOWNLOAD ID=\"1\" />".getBytes()).given(this.fetcher).fetch(any(), anyLong());
		AgentMirror checked = this.mirrors.check(pkg.id(), mirror.id());
		assertThat(checked.usable()).isFalse();
		assertThat(checked.problem()).contains("not the same file");
	}

	@Test
	void shouldRefuseLocationsWithASchemeAndMirrorsForNobody() {
		SoftwarePackage pkg = linuxPackage();

		assertThatThrownBy(() -> this.mirrors.add(pkg.id(),
				new MirrorDraft("https://mirror.example/download", "mirror.example", "192.0.2.0/24", null)))
			.isInstanceOfSatisfying(InvalidMirrorException.class,
					(ex) -> assertThat(ex.field()).isEqualTo("infoLocation"));
		assertThatThrownBy(() -> this.mirrors.add(pkg.id(),
				new MirrorDraft("mirror.example", "mirror.example/a b", "192.0.2.0/24", null)))
			.isInstanceOfSatisfying(InvalidMirrorException.class,
					(ex) -> assertThat(ex.field()).isEqualTo("fragmentsLocation"));
		assertThatThrownBy(
				() -> this.mirrors.add(pkg.id(), new MirrorDraft("mirror.example", "mirror.example", "lyon", null)))
			.isInstanceOfSatisfying(InvalidMirrorException.class, (ex) -> assertThat(ex.field()).isEqualTo("network"));
		assertThatThrownBy(
				() -> this.mirrors.add(pkg.id(), new MirrorDraft("mirror.example", "mirror.example", " ", null)))
			.isInstanceOf(InvalidMirrorException.class)
			.hasMessageContaining("network or a tag");
		assertThatThrownBy(() -> this.mirrors.check(pkg.id(), 999_999)).isInstanceOf(MirrorNotFoundException.class);
	}

	/** The file the mirror should hold, as the built-in server has it. */
	private byte[] ours(URI location) throws IOException {
		String[] parts = location.getPath().split("/");
		String id = parts[parts.length - 2];
		return Files.readAllBytes(this.builds.folderOf(Long.parseLong(id)).resolve(parts[parts.length - 1]));
	}

	private AgentOffer offerOf(Machine machine, SoftwarePackage pkg) {
		Deployment deployment = this.deployments
			.create(new DeploymentRequest(pkg.id(), List.of(machine.id()), DeploymentOptions.defaults()), "admin");
		this.teledeployment.offer(deployment.id(), machine.name(), machine.id(), UUID.randomUUID().toString());
		return this.teledeployment.prologOffers(machine.id()).offers().get(0);
	}

	private SoftwarePackage linuxPackage() {
		return this.packages.createFromFiles(
				new PackageDraft("mirrored-" + UUID.randomUUID().toString().substring(0, 8), "1.0", null,
						"sh install.sh", OsFamily.LINUX, false, null),
				List.of(new IncomingFile("install.sh", () -> new ByteArrayInputStream("echo ok".getBytes()))), "admin");
	}

	private Machine agentMachine(String address, List<String> tags) {
		return this.machines.register(new MachineDraft("pc-" + UUID.randomUUID().toString().substring(0, 8), address,
				List.of(), OsFamily.LINUX, Channel.OCS_AGENT, null, null, null, tags, null, null));
	}

}
