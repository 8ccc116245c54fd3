package parc.orchestrator.notification;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllowedUrlsTest {

	private final AllowedUrls allowed = new AllowedUrls(
			List.of("https://hooks.example.org/parc", "http://127.0.0.1:8085/", " "));

	@Test
	void shouldAllowTheEntryAndWhatIsUnderIt() {
		assertThat(this.allowed.allows(URI.create("https://hooks.example.org/parc"))).isTrue();
		assertThat(this.allowed.allows(URI.create("https://HOOKS.example.org:443/parc/tickets?team=ops"))).isTrue();
		assertThat(this.allowed.allows(URI.create("http://127.0.0.1:8085/anything"))).isTrue();
		assertThat(this.allowed.allows(URI.create("http://127.0.0.1:8085"))).isTrue();
	}

	@Test
	void shouldRefuseLookAlikesOtherPortsAndSchemes() {
		assertThat(this.allowed.allows(URI.create("https://hooks.example.org.evil.test/parc"))).isFalse();
		assertThat(this.allowed.allows(URI.create("https://hooks.example.org/parcel"))).isFalse();
		assertThat(this.allowed.allows(URI.create("http://hooks.example.org/parc"))).isFalse();
		assertThat(this.allowed.allows(URI.create("https://hooks.example.org:8443/parc"))).isFalse();
		assertThat(this.allowed.allows(URI.create("http://127.0.0.1:8086/"))).isFalse();
		assertThat(this.allowed.allows(URI.create("ftp://127.0.0.1:8085/"))).isFalse();
		assertThat(this.allowed.allows(URI.create("http://localhost:8085/"))).isFalse();
	}

	@Test
	void shouldRefuseAPathThatClimbsOutEvenPercentEncoded() {
		assertThat(this.allowed.allows(URI.create("https://hooks.example.org/parc/../admin"))).isFalse();
		assertThat(this.allowed.allows(URI.create("https://hooks.example.org/parc/%2e%2e/admin"))).isFalse();
		assertThat(this.allowed.allows(URI.create("https://hooks.example.org/parc%2F..%2Fadmin"))).isFalse();
	}

	@Test
	void shouldAllowNothingWhenNoEntryIsListed() {
		assertThat(new AllowedUrls(List.of()).allows(URI.create("http://127.0.0.1/"))).isFalse();
		assertThat(new AllowedUrls(List.of()).isEmpty()).isTrue();
	}

	@Test
	void shouldRefuseAnEntryThatIsNotAPlainHttpUrl() {
		assertThatThrownBy(() -> new AllowedUrls(List.of("hooks.example.org")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("parc.notify.allowed-urls: 'hooks.example.org'");
		assertThatThrownBy(() -> new AllowedUrls(List.of("https://hooks.example.org/?token=1")))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new AllowedUrls(List.of("file:///etc/passwd")))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
