package parc.orchestrator.teledeployment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import parc.orchestrator.pkg.AgentPackageSettings;

/**
 * Port: writes what agents download for one package into a folder ({@code info} and the
 * fragments). Implemented in {@code routes} with the OCS protocol library.
 */
public interface AgentPackageBuildGateway {

	/**
	 * @param request what to build
	 * @param folder an existing empty folder
	 */
	BuiltAgentPackage build(Request request, Path folder) throws IOException;

	/**
	 * @param ocsId the id agents know the package by
	 * @param settings the package's agent settings, complete
	 * @param command the package's command
	 * @param parameters the deployment's parameters, each one word on the agent's command
	 * line
	 * @param windows whether the package is for Windows agents (zip, Windows quoting)
	 * @param files the package's files, none for a command-only package
	 */
	record Request(long ocsId, AgentPackageSettings settings, String command, List<String> parameters, boolean windows,
			List<File> files) {

	}

	/**
	 * @param path inside the package, '/'-separated
	 * @param source where it is on this server
	 * @param executable whether the command runs it directly ({@code ./install.sh})
	 */
	record File(String path, Path source, boolean executable) {

	}

	/**
	 * @param fragments how many, 0 for a command-only package
	 * @param digest MD5 of the archive, lowercase hex
	 * @param archiveBytes the archive's size
	 */
	record BuiltAgentPackage(int fragments, String digest, long archiveBytes) {

	}

}
