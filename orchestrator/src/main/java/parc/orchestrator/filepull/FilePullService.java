package parc.orchestrator.filepull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import parc.orchestrator.agentless.AgentlessGateway;
import parc.orchestrator.agentless.AgentlessService;
import parc.orchestrator.agentless.AgentlessSettings;
import parc.orchestrator.agentless.AgentlessSettingsService;
import parc.orchestrator.agentless.PulledFileOutcome;
import parc.orchestrator.agentless.RemoteTarget;
import parc.orchestrator.machine.Machine;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.system.ParcProperties;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;

/**
 * Starts, lists, serves, cancels and deletes file pulls. Pulled files live in
 * {@code <data>/file-pulls/<id>}, named by the pull's id only: the name the machine gave
 * is data shown to the administrator, never a path on Parc's disk.
 */
@Service
public class FilePullService implements DisposableBean {

	private final FilePullRepository repository;

	private final MachineService machines;

	private final AgentlessService agentless;

	private final AgentlessGateway gateway;

	private final AgentlessSettingsService settings;

	private final Path folder;

	private final Clock clock;

	/**
	 * Its own small pool: a cancelled pull's thread is interrupted, which must not hit
	 * shared work.
	 */
	private final ExecutorService executor = Executors.newFixedThreadPool(4, (work) -> {
		Thread thread = new Thread(work, "file-pull");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<Long, Future<?>> running = new ConcurrentHashMap<>();

	FilePullService(FilePullRepository repository, MachineService machines, AgentlessService agentless,
			AgentlessGateway gateway, AgentlessSettingsService settings, ParcProperties properties,
			Optional<Clock> clock) {
		this.repository = repository;
		this.machines = machines;
		this.agentless = agentless;
		this.gateway = gateway;
		this.settings = settings;
		this.folder = properties.sharedDir().resolve("file-pulls");
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** The machine's diagnostic folder: its own, else the default of the settings. */
	public String folderOf(long machineId) {
		this.machines.get(machineId);
		return this.repository.folderOf(machineId).orElse(this.settings.settings().filePullFolder());
	}

	/** Whether the machine has a folder of its own. */
	public Optional<String> ownFolderOf(long machineId) {
		return this.repository.folderOf(machineId);
	}

	/**
	 * Sets the machine's own folder; blank goes back to the default.
	 * @throws IllegalArgumentException for a folder longer than 1024 characters or with a
	 * NUL byte
	 */
	public void setFolder(long machineId, String folder) {
		this.machines.get(machineId);
		String trimmed = (folder == null || folder.isBlank()) ? null : folder.trim();
		if (trimmed != null && (trimmed.length() > 1024 || trimmed.indexOf('\0') >= 0)) {
			throw new IllegalArgumentException("folder: at most 1024 characters, no NUL byte");
		}
		this.repository.saveFolder(machineId, trimmed);
	}

	/**
	 * Starts pulling the first file of the machine's folder, in the background.
	 * @throws parc.orchestrator.agentless.MachineNotAgentlessException when the machine
	 * is not reachable over SSH as registered
	 */
	public FilePull start(long machineId, String requestedBy) {
		Machine machine = this.machines.get(machineId);
		RemoteTarget target = this.agentless.target(machine);
		String remoteFolder = folderOf(machineId);
		AgentlessSettings current = this.settings.settings();
		long id = this.repository.insert(machineId, machine.name(), remoteFolder, requestedBy, this.clock.instant());
		this.running.put(id, this.executor.submit(() -> pull(id, target, remoteFolder, current.filePullMaxBytes())));
		return get(id);
	}

	private void pull(long id, RemoteTarget target, String remoteFolder, long maxBytes) {
		Path file = fileOf(id);
		try {
			Files.createDirectories(this.folder);
			PulledFileOutcome outcome = this.gateway.pullFirstFile(target, remoteFolder, maxBytes, file);
			if (!this.repository.finish(id, FilePull.State.READY, outcome.remoteName(), outcome.size(),
					outcome.modifiedAt(), null, this.clock.instant())) {
				// Cancelled while it arrived.
				Files.deleteIfExists(file);
			}
		}
		catch (IOException | RuntimeException ex) {
			deleteQuietly(file);
			this.repository.finish(id, FilePull.State.FAILED, null, null, null,
					(ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName(), this.clock.instant());
		}
		finally {
			this.running.remove(id);
		}
	}

	public FilePull get(long id) {
		return this.repository.find(id).orElseThrow(() -> new FilePullNotFoundException(id, "does not exist"));
	}

	public Page<FilePull> list(Long machineId, PageRequest page) {
		return this.repository.page(machineId, page);
	}

	/**
	 * The pulled file on Parc's disk.
	 * @throws FilePullNotFoundException when the pull is not ready
	 */
	public Path content(long id) {
		FilePull pull = get(id);
		Path file = fileOf(id);
		if (pull.state() != FilePull.State.READY || !Files.exists(file)) {
			throw new FilePullNotFoundException(id, "has no file to download (" + pull.state() + ")");
		}
		return file;
	}

	/** Stops a pull in progress; its partial file is removed. */
	public FilePull cancel(long id) {
		get(id);
		if (this.repository.finish(id, FilePull.State.CANCELLED, null, null, null, null, this.clock.instant())) {
			Future<?> work = this.running.remove(id);
			if (work != null) {
				work.cancel(true);
			}
			deleteQuietly(fileOf(id));
		}
		return get(id);
	}

	/** Deletes a pull and its file; one in progress is cancelled first. */
	public void delete(long id) {
		cancel(id);
		deleteQuietly(fileOf(id));
		this.repository.delete(id);
	}

	/**
	 * Housekeeping: forgets the pulls, and deletes their files, that finished before
	 * {@code before}.
	 * @return how many pulls were forgotten
	 */
	public int forgetFinishedBefore(Instant before) {
		List<Long> old = this.repository.finishedBefore(before);
		for (long id : old) {
			deleteQuietly(fileOf(id));
			this.repository.delete(id);
		}
		return old.size();
	}

	private Path fileOf(long id) {
		return this.folder.resolve(Long.toString(id));
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete " + file, ex);
		}
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

}
