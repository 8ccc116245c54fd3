package parc.ui.teledeployment;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import parc.orchestrator.machine.OsFamily;
import parc.orchestrator.pkg.PackageService;
import parc.orchestrator.pkg.SoftwarePackage;
import parc.orchestrator.teledeployment.AgentMirror;
import parc.orchestrator.teledeployment.AgentMirrorService;
import parc.orchestrator.teledeployment.InvalidMirrorException;
import parc.ui.system.PageLinks;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest({ AgentMirrorController.class, AgentMirrorApiController.class })
@Import(PageLinks.class)
@WithMockUser(username = "alice", roles = "ADMIN")
class AgentMirrorControllerTest {

	private static final SoftwarePackage FIREFOX = new SoftwarePackage(5, 1, "Firefox", "115.6", null, "sh install.sh",
			OsFamily.LINUX, false, 0, 0, List.of(), "alice", Instant.parse("2026-12-01T10:00:00Z"),
			Instant.parse("2026-12-01T10:00:00Z"));

	@Autowired
	MockMvc mvc;

	@MockitoBean
	AgentMirrorService mirrors;

	@MockitoBean
	PackageService packages;

	@Test
	void shouldShowWhichFileAMirrorLacksInBothLanguages() throws Exception {
		given(this.packages.get(5)).willReturn(FIREFOX);
		given(this.mirrors.mirrors(5)).willReturn(List.of(new AgentMirror(1, 5, "lyon.example/download",
				"lyon.example/download", null, "lyon", false, "https://lyon.example/download/17/info: HTTP 404",
				Instant.parse("2026-12-04T10:00:00Z"), Instant.parse("2026-12-04T10:00:00Z"))));

		this.mvc.perform(get("/packages/5/mirrors").param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/17/info: HTTP 404")))
			.andExpect(content().string(containsString("machines tagged lyon")))
			.andExpect(content().string(containsString("not usable")));
		this.mvc.perform(get("/packages/5/mirrors").param("lang", "fr"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("les machines étiquetées lyon")))
			.andExpect(content().string(containsString("inutilisable")));
	}

	@Test
	void shouldKeepWhatWasTypedAndSayWhyALocationIsRefused() throws Exception {
		given(this.packages.get(5)).willReturn(FIREFOX);
		given(this.mirrors.add(eq(5L), any())).willThrow(new InvalidMirrorException("infoLocation",
				"'https://lyon.example' is not a location such as mirror.example.org/download"));

		this.mvc
			.perform(post("/packages/5/mirrors").param("infoLocation", "https://lyon.example")
				.param("fragmentsLocation", "lyon.example")
				.param("network", "192.0.2.0/24")
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("is not a location such as")))
			.andExpect(content().string(containsString("value=\"192.0.2.0/24\"")));
		this.mvc
			.perform(post("/api/packages/5/mirrors").contentType("application/json")
				.content("{\"infoLocation\": \"https://lyon.example\", \"fragmentsLocation\": \"lyon.example\"}")
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("infoLocation")));
	}

	@Test
	void shouldSayWhenAnAddedMirrorIsNotUsed() throws Exception {
		given(this.mirrors.add(eq(5L), any()))
			.willReturn(new AgentMirror(2, 5, "lyon.example/download", "lyon.example/download", "192.0.2.0/24", null,
					false, "http://lyon.example/download/17/17-1: HTTP 404", Instant.now(), Instant.now()));

		this.mvc
			.perform(post("/packages/5/mirrors").param("infoLocation", "lyon.example/download")
				.param("fragmentsLocation", "lyon.example/download")
				.param("network", "192.0.2.0/24")
				.with(csrf()))
			.andExpect(redirectedUrl("/packages/5/mirrors"))
			.andExpect(flash().attribute("flashKey", "mirrors.flash.unusable"));
	}

}
