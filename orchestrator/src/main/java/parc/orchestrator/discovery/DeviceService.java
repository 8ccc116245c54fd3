package parc.orchestrator.discovery;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import parc.orchestrator.machine.Channel;
import parc.orchestrator.machine.Machine;
import parc.orchestrator.machine.MachineDraft;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.machine.MacAddresses;
import parc.orchestrator.machine.OsFamily;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;

/**
 * Found devices: recorded from sweeps, scans and agents, matched to the registry's
 * machines (by MAC, then address, then name), identified by admins or made machines.
 */
@Service
public class DeviceService {

	public static final int MAX_TYPE_NAME = 100;

	public static final int MAX_DESCRIPTION = 2000;

	private final DeviceRepository repository;

	private final DeviceTypeRepository types;

	private final MachineService machines;

	private final Clock clock;

	DeviceService(DeviceRepository repository, DeviceTypeRepository types, MachineService machines,
			Optional<Clock> clock) {
		this.repository = repository;
		this.types = types;
		this.machines = machines;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Records a device found on a network (or on none, {@code networkId} null): the known
	 * one with its address, else with its MAC, else a new one.
	 */
	@Transactional
	public Device record(Long networkId, FoundDevice found) {
		String mac = (found.mac() == null) ? null : MacAddresses.normalise(found.mac()).orElse(null);
		FoundDevice normalised = new FoundDevice(found.address(), mac, found.hostName(), found.deviceClass(),
				found.openPorts(), found.sshBanner(), found.source(), found.reportedBy());
		Long machineId = matchMachine(normalised).orElse(null);
		this.repository.lockNetwork(networkId);
		Optional<Device> known = this.repository.findByAddress(networkId, normalised.address())
			.or(() -> (mac == null) ? Optional.empty() : this.repository.findByMac(networkId, mac));
		long id;
		if (known.isPresent()) {
			id = known.get().id();
			this.repository.refresh(id, normalised, machineId, this.clock.instant());
		}
		else {
			id = this.repository.insert(networkId, normalised,
					(machineId != null) ? DeviceState.MACHINE : DeviceState.UNKNOWN, machineId, this.clock.instant());
		}
		return get(id);
	}

	private Optional<Long> matchMachine(FoundDevice found) {
		Optional<Long> byMac = (found.mac() == null) ? Optional.empty() : this.repository.machineByMac(found.mac());
		return byMac.or(() -> this.repository.machineByAddress(found.address()))
			.or(() -> (found.hostName() == null) ? Optional.empty() : this.repository.machineByName(found.hostName()));
	}

	/**
	 * @throws DeviceNotFoundException when there is no such device
	 */
	public Device get(long id) {
		return this.repository.find(id).orElseThrow(() -> new DeviceNotFoundException(id));
	}

	/** The network's devices, by address; all states when {@code state} is null. */
	public Page<Device> onNetwork(long networkId, DeviceState state, PageRequest page) {
		return this.repository.page(networkId, state, page);
	}

	public Map<DeviceState, Long> countsOnNetwork(long networkId) {
		return this.repository.countsByState(networkId);
	}

	/**
	 * Says what a device is: it leaves the unknown list (an absent one comes back
	 * IDENTIFIED).
	 * @throws InvalidDeviceException for an unknown type or a too long description
	 * @throws DeviceNotFoundException when there is no such device
	 */
	@Transactional
	public Device identify(long id, Long deviceTypeId, String description, String by) {
		Device device = get(id);
		if (device.state() == DeviceState.MACHINE) {
			throw new InvalidDeviceException("state", "Device " + id + " is a machine of the registry already");
		}
		if (deviceTypeId == null && (description == null || description.isBlank())) {
			throw new InvalidDeviceException("deviceTypeId", "Give a device type, a description, or both");
		}
		if (deviceTypeId != null && this.types.find(deviceTypeId).isEmpty()) {
			throw new InvalidDeviceException("deviceTypeId", "No device type " + deviceTypeId);
		}
		if (description != null && description.length() > MAX_DESCRIPTION) {
			throw new InvalidDeviceException("description",
					"Give a description of at most " + MAX_DESCRIPTION + " characters");
		}
		this.repository.identify(id, deviceTypeId,
				(description == null || description.isBlank()) ? null : description.strip(), by, this.clock.instant());
		return get(id);
	}

	/**
	 * Registers the device as an agentless machine, with its address and MAC, and links
	 * it.
	 * @return the new machine
	 * @throws InvalidDeviceException for a device that is a machine already, or without a
	 * credential
	 */
	@Transactional
	public Machine makeMachine(long id, MakeMachineRequest request) {
		Device device = get(id);
		if (device.state() == DeviceState.MACHINE && device.machineId() != null) {
			throw new InvalidDeviceException("state",
					"Device " + id + " is machine " + device.machineId() + " of the registry already");
		}
		if (request.credentialId() == null) {
			throw new InvalidDeviceException("credentialId", "Choose the credential its SSH sessions use");
		}
		String name = (request.name() != null && !request.name().isBlank()) ? request.name().strip()
				: defaultName(device);
		OsFamily family = (request.osFamily() != null) ? request.osFamily() : familyOf(device.deviceClass());
		Machine machine = this.machines.register(
				new MachineDraft(name, device.address(), (device.mac() == null) ? List.of() : List.of(device.mac()),
						family, Channel.AGENTLESS_SSH, (request.sshPort() != null) ? request.sshPort() : 22,
						(request.sshUser() == null || request.sshUser().isBlank()) ? null : request.sshUser().strip(),
						request.credentialId(), List.of(), "Found by discovery on " + device.address(), null));
		this.repository.linkMachine(id, machine.id());
		return machine;
	}

	private static String defaultName(Device device) {
		if (device.hostName() != null && !device.hostName().isBlank()) {
			String name = device.hostName();
			return name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
		}
		return device.address();
	}

	private static OsFamily familyOf(DeviceClass deviceClass) {
		return switch (deviceClass) {
			case WINDOWS -> OsFamily.WINDOWS;
			case LINUX_UNIX -> OsFamily.LINUX;
			default -> OsFamily.OTHER;
		};
	}

	/**
	 * After a finished sweep of the network: devices that did not answer miss one more
	 * sweep, and go ABSENT after {@code absentAfter} in a row.
	 * @return how many went ABSENT
	 */
	@Transactional
	public int countMissed(long networkId, java.time.Instant sweepStarted, int absentAfter) {
		return this.repository.countMissed(networkId, sweepStarted, absentAfter);
	}

	public List<DeviceType> types() {
		return this.types.all();
	}

	/**
	 * @throws InvalidDeviceException for a blank, too long or taken name
	 */
	@Transactional
	public DeviceType createType(String name, String by) {
		String trimmed = (name == null) ? "" : name.strip();
		if (trimmed.isEmpty() || trimmed.length() > MAX_TYPE_NAME) {
			throw new InvalidDeviceException("name", "Give a name of 1 to " + MAX_TYPE_NAME + " characters");
		}
		try {
			return this.types.find(this.types.insert(trimmed, by, this.clock.instant())).orElseThrow();
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidDeviceException("name", "A device type named \"" + trimmed + "\" exists already");
		}
	}

	/**
	 * @throws InvalidDeviceException while devices are identified with it
	 */
	@Transactional
	public void deleteType(long id) {
		long used = this.types.usedBy(id);
		if (used > 0) {
			throw new InvalidDeviceException("id", used + " device(s) are identified with this type");
		}
		if (!this.types.delete(id)) {
			throw new InvalidDeviceException("id", "No device type " + id);
		}
	}

}
