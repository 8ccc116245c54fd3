package parc.orchestrator.agentless;

import jakarta.validation.Valid;

import org.springframework.stereotype.Service;
import org.springframework.validation.annotation.Validated;

import parc.orchestrator.system.settings.ServerSettingsStore;

/**
 * Reads and changes {@link AgentlessSettings}. Apart from {@link AgentlessService} so the
 * gateway implementation can read them without depending on the service that calls it.
 */
@Service
@Validated
public class AgentlessSettingsService {

	static final String SETTINGS_AREA = "agentless";

	private final ServerSettingsStore store;

	AgentlessSettingsService(ServerSettingsStore store) {
		this.store = store;
	}

	/** Cached for a few seconds: read on every SSH first contact and probe. */
	public AgentlessSettings settings() {
		return this.store.get(SETTINGS_AREA, AgentlessSettings.class, AgentlessSettings.defaults());
	}

	public AgentlessSettings update(@Valid AgentlessSettings settings) {
		this.store.put(SETTINGS_AREA, settings);
		return settings;
	}

}
