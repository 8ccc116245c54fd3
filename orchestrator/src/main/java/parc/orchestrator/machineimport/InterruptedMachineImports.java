package parc.orchestrator.machineimport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.springframework.stereotype.Component;

import parc.orchestrator.system.restart.InterruptedWork;
import parc.orchestrator.system.restart.Interruption;

/**
 * An import cut by a stop applied nothing (it applies in one transaction), so running it
 * again is safe: an upload whose file is kept starts again from that file, its rows read
 * anew. One from the watched folder fails: the folder hands the same file over again as a
 * new import. One whose file is gone fails too, saying that nothing was applied.
 */
@Component
class InterruptedMachineImports implements InterruptedWork {

	private final MachineImportRepository repository;

	private final Optional<MachineImportGateway> gateway;

	InterruptedMachineImports(MachineImportRepository repository, Optional<MachineImportGateway> gateway) {
		this.repository = repository;
		this.gateway = gateway;
	}

	@Override
	public String kind() {
		return "machine imports";
	}

	@Override
	public Resolved resolve(Interruption interruption) {
		int resumed = 0;
		int failed = 0;
		for (MachineImport unfinished : this.repository.unfinished(interruption)) {
			boolean fileKept = unfinished.source() == MachineImportSource.UPLOAD
					&& this.repository.storedPath(unfinished.id())
						.map(Path::of)
						.filter(Files::isRegularFile)
						.isPresent();
			if (fileKept && this.gateway.isPresent()) {
				this.repository.restart(unfinished.id());
				this.gateway.get().submit(unfinished.id());
				resumed++;
			}
			else {
				this.repository.deleteRows(unfinished.id());
				this.repository.fail(unfinished.id(), interruption.reason() + ": nothing was applied");
				failed++;
			}
		}
		return new Resolved(resumed, failed);
	}

}
