package parc.routes.agent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import parc.ocsagent.OcsRequest;
import parc.ocsagent.OcsRequestDecoder;
import parc.ocsagent.testsupport.CapturedAgentPayloads;
import parc.orchestrator.inventory.InventoryDocument;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden files: what Parc keeps of each Windows agent request of
 * {@code fixtures/ocs/windows} (its DEVICEID, the OLD_DEVICEID it names and its inventory
 * document), compared whole with {@code golden/<name>.json}. Any change in what is kept
 * shows up here, field by field. To accept a deliberate change, run with
 * {@code -Dparc.golden.update=true} and read the diff before committing it.
 */
class OcsInventoryMapperGoldenTest {

	private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	@ParameterizedTest
	@ValueSource(strings = { "windows-10-inventory", "windows-new-network-card-inventory" })
	void shouldKeepWhatTheGoldenFileSays(String name) throws Exception {
		OcsRequest.Inventory inventory = (OcsRequest.Inventory) OcsRequestDecoder.withDefaultLimits()
			.decode(CapturedAgentPayloads.zlib(fixture(name + ".xml")))
			.request();
		InventoryDocument document = OcsInventoryMapper.toDocument(inventory.content());
		Map<String, Object> filed = new LinkedHashMap<>();
		filed.put("deviceId", inventory.deviceId());
		filed.put("oldDeviceId", inventory.content().oldDeviceId());
		filed.put("document", document);
		String kept = this.json.writeValueAsString(filed) + "\n";

		Path golden = Path.of("src", "test", "resources", "golden", name + ".json");
		if (Boolean.getBoolean("parc.golden.update")) {
			Files.writeString(golden, kept);
		}
		assertThat(kept).isEqualTo(Files.readString(golden));
	}

	private static String fixture(String name) throws IOException {
		try (InputStream in = OcsInventoryMapperGoldenTest.class.getResourceAsStream("/fixtures/ocs/windows/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
