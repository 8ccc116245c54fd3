package parc.ui.inventory;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import parc.orchestrator.inventory.DuplicateCriterion;
import parc.orchestrator.inventory.DuplicateGroup;
import parc.orchestrator.inventory.DuplicateService;

/**
 * Duplicates over REST: candidates by criterion, and the merge into the oldest machine.
 */
@RestController
@RequestMapping("/api/inventory/duplicates")
class DuplicateApiController {

	private final DuplicateService duplicates;

	DuplicateApiController(DuplicateService duplicates) {
		this.duplicates = duplicates;
	}

	@GetMapping
	@Operation(summary = "Groups of machines sharing a name, serial, MAC or UUID")
	List<DuplicateGroup> candidates(@RequestParam(defaultValue = "HOSTNAME") DuplicateCriterion criterion) {
		return this.duplicates.candidates(criterion);
	}

	@PostMapping("/merge")
	@Operation(summary = "Merge machines into the oldest; answers the id kept")
	MergeResult merge(@RequestBody MergeRequest request) {
		return new MergeResult(
				this.duplicates.merge((request.machineIds() != null) ? request.machineIds() : List.of()));
	}

	record MergeRequest(List<Long> machineIds) {
	}

	record MergeResult(long keptMachineId) {
	}

}
