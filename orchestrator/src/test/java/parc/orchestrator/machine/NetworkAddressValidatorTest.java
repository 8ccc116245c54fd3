package parc.orchestrator.machine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkAddressValidatorTest {

	private final NetworkAddressValidator validator = new NetworkAddressValidator();

	@ParameterizedTest
	@ValueSource(strings = { "192.0.2.10", "2001:db8::1", "web-01", "pc-accounting-07.example.org", "localhost" })
	void shouldAcceptHostNamesAndAddresses(String address) {
		assertThat(this.validator.isValid(address, null)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "not a host", "web_01!", "192.0.2.0/24", "192.0.2.*", "host:22", "$(reboot)", "a;b" })
	void shouldRejectNetworksPortsAndShellText(String address) {
		assertThat(this.validator.isValid(address, null)).isFalse();
	}

}
