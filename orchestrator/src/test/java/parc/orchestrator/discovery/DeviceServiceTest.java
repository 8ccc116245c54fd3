package parc.orchestrator.discovery;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import parc.orchestrator.credential.CredentialDraft;
import parc.orchestrator.credential.CredentialService;
import parc.orchestrator.credential.CredentialType;
import parc.orchestrator.machine.Channel;
import parc.orchestrator.machine.Machine;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.machine.OsFamily;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Identifying devices and making them machines, on the embedded PostgreSQL. */
@PostgresBackedTest
class DeviceServiceTest {

	@Autowired
	DeviceService devices;

	@Autowired
	MachineService machines;

	@Autowired
	CredentialService credentials;

	private Device found(String address, String mac, DeviceClass deviceClass, String name) {
		return this.devices.record(null,
				new FoundDevice(address, mac, name, deviceClass, List.of(22), null, DeviceSource.SCAN, null));
	}

	private static String address() {
		return "198.51.100." + (1 + (Math.abs(UUID.randomUUID().hashCode()) % 250));
	}

	@Test
	void shouldIdentifyADeviceWithATypeAndADescription() {
		Device device = found(address(), null, DeviceClass.UNKNOWN, null);
		DeviceType printer = this.devices.createType("Printer " + UUID.randomUUID(), "alice");

		Device identified = this.devices.identify(device.id(), printer.id(), "  hall printer  ", "alice");

		assertThat(identified.state()).isEqualTo(DeviceState.IDENTIFIED);
		assertThat(identified.deviceTypeId()).isEqualTo(printer.id());
		assertThat(identified.description()).isEqualTo("hall printer");
		assertThatThrownBy(() -> this.devices.deleteType(printer.id())).isInstanceOf(InvalidDeviceException.class)
			.hasMessage("1 device(s) are identified with this type");
		assertThatThrownBy(() -> this.devices.identify(device.id(), null, " ", "alice"))
			.hasMessage("Give a device type, a description, or both");
		assertThatThrownBy(() -> this.devices.identify(device.id(), 999_999L, null, "alice"))
			.hasMessage("No device type 999999");
		assertThatThrownBy(() -> this.devices.createType(printer.name(), "bob"))
			.hasMessage("A device type named \"" + printer.name() + "\" exists already");
	}

	@Test
	void shouldMakeADeviceAnAgentlessMachineWithItsAddressAndMacOnce() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		Device device = found(address(), "52:54:00:ab:" + suffix.substring(0, 2) + ":" + suffix.substring(2, 4),
				DeviceClass.LINUX_UNIX, "web-" + suffix + ".example.test");
		long credential = this.credentials
			.create(new CredentialDraft("make " + suffix, CredentialType.PASSWORD, "root", null, null, "pw"))
			.id();

		assertThatThrownBy(
				() -> this.devices.makeMachine(device.id(), new MakeMachineRequest(null, null, null, null, null)))
			.isInstanceOf(InvalidDeviceException.class)
			.hasMessage("Choose the credential its SSH sessions use");
		Machine machine = this.devices.makeMachine(device.id(),
				new MakeMachineRequest(null, credential, null, null, null));

		assertThat(machine.name()).isEqualTo("web-" + suffix);
		assertThat(machine.address()).isEqualTo(device.address());
		assertThat(machine.macAddresses()).containsExactly(device.mac());
		assertThat(machine.osFamily()).isEqualTo(OsFamily.LINUX);
		assertThat(machine.channel()).isEqualTo(Channel.AGENTLESS_SSH);
		assertThat(machine.credentialId()).isEqualTo(credential);
		Device linked = this.devices.get(device.id());
		assertThat(linked.state()).isEqualTo(DeviceState.MACHINE);
		assertThat(linked.machineId()).isEqualTo(machine.id());
		assertThatThrownBy(
				() -> this.devices.makeMachine(device.id(), new MakeMachineRequest(null, credential, null, null, null)))
			.hasMessageContaining("is machine " + machine.id() + " of the registry already");
		assertThatThrownBy(() -> this.devices.identify(device.id(), null, "x", "alice"))
			.hasMessageContaining("is a machine of the registry already");
	}

}
