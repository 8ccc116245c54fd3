package parc.ui.machine;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import parc.orchestrator.machine.Machine;
import parc.orchestrator.machine.MachineDraft;
import parc.orchestrator.machine.MachineQuery;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.machine.MachineSort;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;

/**
 * {@code /api/machines}: the registry for scripts and other tools. JSON names are a
 * public contract (issue #3). Validation happens in {@link MachineService}; failures come
 * back as problem documents naming the field.
 */
@RestController
@RequestMapping("/api/machines")
@Tag(name = "Machines", description = "The machine registry")
class MachineApiController {

	private final MachineService machines;

	MachineApiController(MachineService machines) {
		this.machines = machines;
	}

	@GetMapping
	@Operation(summary = "A page of machines, optionally filtered by part of the name")
	Page<Machine> list(@RequestParam(required = false) String name, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "25") int size, @RequestParam(defaultValue = "name") String sort,
			@RequestParam(defaultValue = "asc") String dir) {
		MachineSort sortBy = MachineSort.fromProperty(sort).orElse(MachineSort.NAME);
		return this.machines
			.find(new MachineQuery(name, sortBy, !"desc".equalsIgnoreCase(dir), new PageRequest(page, size)));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One machine")
	Machine get(@PathVariable long id) {
		return this.machines.get(id);
	}

	@PostMapping
	@Operation(summary = "Register a machine")
	ResponseEntity<Machine> create(@RequestBody MachineDraft draft) {
		Machine machine = this.machines.register(draft);
		URI location = ServletUriComponentsBuilder.fromCurrentRequest()
			.path("/{id}")
			.buildAndExpand(machine.id())
			.toUri();
		return ResponseEntity.created(location).body(machine);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a machine's fields")
	Machine update(@PathVariable long id, @RequestBody MachineDraft draft) {
		return this.machines.update(id, draft);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Remove a machine from the registry")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.machines.delete(id);
		return ResponseEntity.noContent().build();
	}

}
