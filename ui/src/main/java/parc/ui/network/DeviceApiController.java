package parc.ui.network;

import java.net.URI;
import java.util.List;

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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import parc.orchestrator.discovery.AddressScanService;
import parc.orchestrator.discovery.Device;
import parc.orchestrator.discovery.DeviceService;
import parc.orchestrator.discovery.DeviceType;
import parc.orchestrator.discovery.MakeMachineRequest;
import parc.orchestrator.discovery.ScanResult;
import parc.orchestrator.machine.Machine;

/**
 * {@code /api/devices}, {@code /api/device-types} and {@code /api/scan}: one found
 * device, identified or made a machine; the types admins identify devices with; one
 * address scanned now.
 */
@RestController
@Tag(name = "Devices", description = "Devices found by discovery, their types, and scanning one address")
class DeviceApiController {

	private final DeviceService devices;

	private final AddressScanService scanner;

	DeviceApiController(DeviceService devices, AddressScanService scanner) {
		this.devices = devices;
		this.scanner = scanner;
	}

	@GetMapping("/api/devices/{id}")
	@Operation(summary = "One found device")
	Device get(@PathVariable long id) {
		return this.devices.get(id);
	}

	@PutMapping("/api/devices/{id}")
	@Operation(summary = "Identify a device: {deviceTypeId, description}; it leaves the unknown list")
	Device identify(@PathVariable long id, @RequestBody IdentifyRequest request, Authentication user) {
		return this.devices.identify(id, request.deviceTypeId(), request.description(), user.getName());
	}

	@PostMapping("/api/devices/{id}/machine")
	@Operation(summary = "Make the device an agentless machine: {credentialId, name, osFamily, sshPort, sshUser}")
	ResponseEntity<Machine> makeMachine(@PathVariable long id, @RequestBody MakeMachineRequest request) {
		Machine machine = this.devices.makeMachine(id, request);
		return ResponseEntity.created(URI.create("/api/machines/" + machine.id())).body(machine);
	}

	@GetMapping("/api/device-types")
	@Operation(summary = "The device types, by name")
	List<DeviceType> types() {
		return this.devices.types();
	}

	@PostMapping("/api/device-types")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Define a device type: {name}")
	DeviceType createType(@RequestBody TypeRequest request, Authentication user) {
		return this.devices.createType(request.name(), user.getName());
	}

	@DeleteMapping("/api/device-types/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a device type no device is identified with")
	void deleteType(@PathVariable long id) {
		this.devices.deleteType(id);
	}

	@PostMapping("/api/scan")
	@Operation(summary = "Scan one address now: {address}; answers everything found, and the device recorded")
	ScanResult scan(@RequestBody ScanRequest request) {
		return this.scanner.scan(request.address());
	}

	/**
	 * @param deviceTypeId a device type, optional
	 * @param description free text, optional; one of the two is needed
	 */
	record IdentifyRequest(Long deviceTypeId, String description) {

	}

	/**
	 * @param name the type's name
	 */
	record TypeRequest(String name) {

	}

	/**
	 * @param address one IP address
	 */
	record ScanRequest(String address) {

	}

}
