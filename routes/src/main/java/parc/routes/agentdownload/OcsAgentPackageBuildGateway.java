package parc.routes.agentdownload;

import java.io.IOException;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

import parc.ocsagent.download.ArchiveEntry;
import parc.ocsagent.download.ArchiveFormat;
import parc.ocsagent.download.BuiltPackage;
import parc.ocsagent.download.CommandWords;
import parc.ocsagent.download.OcsPackageBuilder;
import parc.ocsagent.download.OcsPackageSpec;
import parc.ocsagent.download.PackageAction;
import parc.orchestrator.pkg.AgentPackageSettings;
import parc.orchestrator.teledeployment.AgentPackageBuildGateway;

/**
 * Builds agent packages with the OCS protocol library: tar.gz for Unix agents, zip for
 * Windows ones, the deployment's parameters appended to the command (or the launched
 * file) each as one word.
 */
@Component
class OcsAgentPackageBuildGateway implements AgentPackageBuildGateway {

	private final OcsPackageBuilder builder = new OcsPackageBuilder();

	@Override
	public BuiltAgentPackage build(Request request, Path folder) throws IOException {
		AgentPackageSettings settings = request.settings().complete();
		PackageAction action = PackageAction.valueOf(settings.action().name());
		String command = (action == PackageAction.EXECUTE) ? words(request.command(), request) : null;
		String launch = (action == PackageAction.LAUNCH) ? words(settings.launch(), request) : null;
		OcsPackageSpec spec = new OcsPackageSpec(request.ocsId(), action, command, launch, settings.storePath(),
				settings.priority(),
				new OcsPackageSpec.Notification(settings.notifyUser(), settings.notifyText(),
						settings.notifyCountdown(), settings.notifyCanAbort(), settings.notifyCanDelay(),
						settings.doneActionText()),
				request.windows() ? ArchiveFormat.ZIP : ArchiveFormat.TAR_GZ, settings.fragmentSizeKb() * 1024L);
		BuiltPackage built = this.builder.build(spec,
				request.files()
					.stream()
					.map((file) -> new ArchiveEntry(file.path(), file.source(), file.executable()))
					.toList(),
				folder);
		return new BuiltAgentPackage(built.fragments(), built.digest(), built.archiveBytes());
	}

	private static String words(String command, Request request) {
		return request.windows() ? CommandWords.windows(command, request.parameters())
				: CommandWords.posix(command, request.parameters());
	}

}
