package parc.orchestrator.machine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MacAddressesTest {

	@ParameterizedTest
	@ValueSource(strings = { "aa:bb:cc:dd:ee:0f", "AA-BB-CC-DD-EE-0F", "aabb.ccdd.ee0f", "aabbccddee0f",
			" aa:bb:cc:dd:ee:0f " })
	void shouldReadUsualNotationsIntoOneCanonicalForm(String text) {
		assertThat(MacAddresses.normalise(text)).contains("AA:BB:CC:DD:EE:0F");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "zz:bb:cc:dd:ee:ff", "aa:bb:cc:dd:ee", "aa:bb:cc:dd:ee:ff:00:11", "aa:bb:cc:*:ee:ff",
			"192.0.2.1", "aa:bb:cc:dd:ee:ff; rm -rf /" })
	void shouldRejectWhatIsNotOneMacAddress(String text) {
		assertThat(MacAddresses.normalise(text)).isEmpty();
	}

}
