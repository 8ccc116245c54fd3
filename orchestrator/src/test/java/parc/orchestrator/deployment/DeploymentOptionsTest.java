package parc.orchestrator.deployment;

import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeploymentOptionsTest {

	private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule()).build();

	@Test
	void shouldTakePulse2sDefaultsForWhatIsLeftOut() throws Exception {
		DeploymentOptions options = this.json.readValue("{}", DeploymentOptions.class);

		assertThat(options).isEqualTo(DeploymentOptions.defaults());
		assertThat(options.runScript()).isTrue();
		assertThat(options.deleteFiles()).isTrue();
		assertThat(options.inventoryAfter()).isFalse();
		assertThat(options.shutdownAfter()).isFalse();
		assertThat(options.attempts()).isEqualTo(3);
		assertThat(options.attemptDelayMinutes()).isEqualTo(60);
		assertThat(options.maxBandwidth()).isZero();
		assertThat(options.transferMode()).isEqualTo(TransferMode.PUSH);
		assertThat(options.wol()).isEqualTo(WakeOnLanMode.IF_UNREACHABLE);
		assertThat(options.windows().isAlwaysOpen()).isTrue();
	}

	@Test
	void shouldReadTheContractFields() throws Exception {
		DeploymentOptions options = this.json.readValue("""
				{"parameters": ["--silent", "a b"], "wol": true, "startAt": "2026-12-01T22:00:00Z",
				 "endAt": "2026-12-02T06:00:00Z", "intervals": "22-2", "runScript": true, "deleteFiles": false,
				 "inventoryAfter": true, "shutdownAfter": false, "attempts": 5, "attemptDelayMinutes": 10,
				 "maxBandwidth": 8000000, "transferMode": "PUSH_PULL"}
				""", DeploymentOptions.class);

		assertThat(options.parameters()).containsExactly("--silent", "a b");
		assertThat(options.wol()).isEqualTo(WakeOnLanMode.BEFORE_TRANSFER);
		assertThat(options.endAt()).isEqualTo(Instant.parse("2026-12-02T06:00:00Z"));
		assertThat(options.deleteFiles()).isFalse();
		assertThat(options.maxBytesPerSecond()).isEqualTo(1_000_000);
		assertThat(options.transferMode()).isEqualTo(TransferMode.PUSH_PULL);
		assertThat(this.json.readValue("{\"wol\": false}", DeploymentOptions.class).wol())
			.isEqualTo(WakeOnLanMode.NEVER);
		assertThat(this.json.readValue("{\"wol\": \"if_unreachable\"}", DeploymentOptions.class).wol())
			.isEqualTo(WakeOnLanMode.IF_UNREACHABLE);
	}

	@Test
	void shouldRefuseValuesThatCannotWork() {
		assertThatThrownBy(() -> DeploymentOptions.builder()
			.startAt(Instant.parse("2026-12-02T00:00:00Z"))
			.endAt(Instant.parse("2026-12-01T00:00:00Z"))
			.build()).isInstanceOfSatisfying(InvalidDeploymentOptionException.class,
					(ex) -> assertThat(ex.field()).isEqualTo("endAt"));
		assertThatThrownBy(() -> DeploymentOptions.builder().intervals("25-26").build())
			.hasMessageContaining("interval 1");
		assertThatThrownBy(() -> DeploymentOptions.builder().attempts(0).build()).hasMessageContaining("attempts");
		assertThatThrownBy(() -> this.json.readValue("{\"wol\": \"sometimes\"}", DeploymentOptions.class))
			.hasMessageContaining("wol must be");
	}

}
