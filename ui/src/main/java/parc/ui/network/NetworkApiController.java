package parc.ui.network;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import parc.orchestrator.discovery.Device;
import parc.orchestrator.discovery.DeviceService;
import parc.orchestrator.discovery.DeviceState;
import parc.orchestrator.discovery.IpDiscoverElection;
import parc.orchestrator.discovery.Sweep;
import parc.orchestrator.discovery.SweepService;
import parc.orchestrator.network.Network;
import parc.orchestrator.network.NetworkDraft;
import parc.orchestrator.network.NetworkService;
import parc.orchestrator.network.NetworkSummary;
import parc.orchestrator.network.PlacedMachine;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;

/**
 * {@code /api/networks}: the networks, their sweeps and the devices found on them.
 * Reading is for every user, changing for admins (the security configuration's rule for
 * {@code /api/**}).
 */
@RestController
@RequestMapping("/api/networks")
@Tag(name = "Networks", description = "Declared and learned networks, their sweeps and found devices")
class NetworkApiController {

	private final NetworkService networks;

	private final SweepService sweeps;

	private final DeviceService devices;

	private final IpDiscoverElection ipDiscover;

	NetworkApiController(NetworkService networks, SweepService sweeps, DeviceService devices,
			IpDiscoverElection ipDiscover) {
		this.ipDiscover = ipDiscover;
		this.networks = networks;
		this.sweeps = sweeps;
		this.devices = devices;
	}

	NetworkView view(NetworkSummary summary) {
		long id = summary.network().id();
		return NetworkView.of(summary, this.devices.countsOnNetwork(id), this.sweeps.lastOf(id).orElse(null),
				this.ipDiscover.electedOn(id));
	}

	@GetMapping
	@Operation(summary = "The networks: q matches name, address or site; ignored=true lists ignored ones too")
	Page<NetworkView> list(@RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "false") boolean ignored, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "25") int size) {
		Page<NetworkSummary> found = this.networks.list(q, ignored, new PageRequest(page, size));
		return new Page<>(found.content().stream().map(this::view).toList(), found.page(), found.size(),
				found.totalElements());
	}

	@PostMapping
	@Operation(summary = "Declare a network: {name, address: \"198.51.100.0/24\", description, site, ignored}")
	ResponseEntity<NetworkView> create(@RequestBody NetworkDraft draft, Authentication user) {
		Network network = this.networks.create(draft, user.getName());
		URI location = ServletUriComponentsBuilder.fromCurrentRequest()
			.path("/{id}")
			.buildAndExpand(network.id())
			.toUri();
		return ResponseEntity.created(location).body(view(this.networks.summary(network.id())));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One network with its counts and last sweep")
	NetworkView get(@PathVariable long id) {
		return view(this.networks.summary(id));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Rename, describe or ignore a network (a learned one keeps its address)")
	NetworkView update(@PathVariable long id, @RequestBody NetworkDraft draft) {
		this.networks.update(id, draft);
		return view(this.networks.summary(id));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Forget a declared network (a learned one is ignored instead)")
	void delete(@PathVariable long id) {
		this.networks.delete(id);
	}

	@PostMapping("/{id}/sweeps")
	@Operation(summary = "Start a sweep: 202 RUNNING; 409 while one runs; 400 confirm for a network larger than /16")
	ResponseEntity<Sweep> startSweep(@PathVariable long id, @RequestParam(defaultValue = "false") boolean confirm,
			@RequestBody(required = false) SweepRequest request, Authentication user) {
		boolean confirmed = confirm || (request != null && Boolean.TRUE.equals(request.confirm()));
		Sweep sweep = this.sweeps.start(id, user.getName(), confirmed);
		URI location = ServletUriComponentsBuilder.fromCurrentRequest()
			.path("/{sweepId}")
			.buildAndExpand(sweep.id())
			.toUri();
		return ResponseEntity.accepted().location(location).body(sweep);
	}

	@GetMapping("/{id}/sweeps")
	@Operation(summary = "The network's sweeps, newest first")
	Page<Sweep> sweeps(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "25") int size) {
		return this.sweeps.sweepsOf(id, new PageRequest(page, size));
	}

	@GetMapping("/{id}/sweeps/{sweepId}")
	@Operation(summary = "One sweep, with its counts as they rise")
	Sweep sweep(@PathVariable long id, @PathVariable long sweepId) {
		return checkedSweep(id, sweepId);
	}

	@PostMapping("/{id}/sweeps/{sweepId}/stop")
	@Operation(summary = "Stop a running sweep: its probes end within seconds")
	Sweep stop(@PathVariable long id, @PathVariable long sweepId, Authentication user) {
		checkedSweep(id, sweepId);
		return this.sweeps.stop(sweepId, user.getName());
	}

	@GetMapping("/{id}/machines")
	@Operation(summary = "Machines whose inventory puts them on the network, by name: {machineId, name, addresses}")
	Page<PlacedMachine> machines(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return this.networks.machinesOn(id, new PageRequest(page, size));
	}

	@GetMapping("/{id}/devices")
	@Operation(summary = "Devices found on the network, by address: state=UNKNOWN|IDENTIFIED|MACHINE|ABSENT")
	Page<Device> devices(@PathVariable long id, @RequestParam(required = false) DeviceState state,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		this.networks.get(id);
		return this.devices.onNetwork(id, state, new PageRequest(page, size));
	}

	private Sweep checkedSweep(long networkId, long sweepId) {
		Sweep sweep = this.sweeps.get(sweepId);
		if (sweep.networkId() != networkId) {
			throw new parc.orchestrator.discovery.SweepNotFoundException(sweepId);
		}
		return sweep;
	}

	/**
	 * @param confirm true to sweep a network larger than /16
	 */
	record SweepRequest(Boolean confirm) {

	}

}
