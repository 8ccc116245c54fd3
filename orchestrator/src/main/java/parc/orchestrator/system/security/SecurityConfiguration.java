package parc.orchestrator.system.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three doors, one set of accounts. {@code ADMIN} may change anything; {@code USER} may
 * only read (GET), everywhere, except that everyone may change their own password
 * ({@code /account}); {@code DESIGNER} reads like a user and may also deploy processes
 * (console, Parc's API, Camunda Modeler's {@code /engine-rest} calls) and complete user
 * tasks such as an approval.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String ADMIN = "ADMIN";

	private static final String DESIGNER = "DESIGNER";

	/** Where OCS agents post (protocol §1.1); served by the routes module. */
	static final String AGENT_ENDPOINT = "/ocsinventory";

	/** Where agents fetch packages: {@code info} files and fragments. */
	static final String AGENT_DOWNLOADS = "/download";

	/**
	 * Matches the whole path, whichever servlet serves it. The default String matchers
	 * are relative to Spring MVC's servlet and silently miss Camunda's Jersey servlets
	 * ({@code /camunda/api}, {@code /engine-rest}).
	 */
	private static RequestMatcher path(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(pattern);
	}

	private static RequestMatcher path(HttpMethod method, String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
	}

	/**
	 * bcrypt today, with the algorithm id stored in the hash so that a later change needs
	 * no migration.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * OCS agents ({@code /ocsinventory}, and {@code /download} for packages) are not Parc
	 * users: the agent endpoint checks its own optional Basic credentials and source
	 * networks (agent settings), and the download server serves only what is offered, so
	 * Spring Security lets them through without a session or CSRF token.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain agentEndpointSecurity(HttpSecurity http) throws Exception {
		// @formatter:off
		http.securityMatcher(new OrRequestMatcher(path(AGENT_ENDPOINT), path(AGENT_ENDPOINT + "/**"),
				path(AGENT_DOWNLOADS + "/**")))
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.csrf((csrf) -> csrf.disable());
		// @formatter:on
		return http.build();
	}

	/**
	 * API clients (scripts, acceptance checks) send HTTP Basic on every request; no
	 * session, so no CSRF.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiAuthenticationEntryPoint entryPoint,
			ApiAccessDeniedHandler deniedHandler, UserDetailsService users, PasswordEncoder passwords)
			throws Exception {
		DaoAuthenticationProvider checker = new DaoAuthenticationProvider(users);
		checker.setPasswordEncoder(passwords);
		// @formatter:off
		http.securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**")))
			.authenticationProvider(new RecentBasicLogins(checker))
			.authorizeHttpRequests((requests) -> requests
				// Agents and administrators need the deployment CA before they trust anything.
				.requestMatchers(path(HttpMethod.GET, "/api/deploy-server/ca.pem")).permitAll()
				.requestMatchers(designerEngineCalls()).hasAnyRole(ADMIN, DESIGNER)
				.requestMatchers(path("/engine-rest/**")).hasRole(ADMIN)
				.requestMatchers(path(HttpMethod.POST, "/api/processes"), path(HttpMethod.POST, "/api/processes/**")).hasAnyRole(ADMIN, DESIGNER)
				.requestMatchers(path("/api/settings/**")).hasRole(ADMIN)
				// Even without secrets, which credentials exist is the administrators' business.
				.requestMatchers(path("/api/credentials"), path("/api/credentials/**")).hasRole(ADMIN)
				// Diagnostic files can hold anything a machine logs.
				.requestMatchers(path("/api/file-pulls"), path("/api/file-pulls/**")).hasRole(ADMIN)
				// Which nodes run and where they are reached is the administrators' business.
				.requestMatchers(path("/api/cluster/**")).hasRole(ADMIN)
				.requestMatchers(path(HttpMethod.GET, "/api/**")).authenticated()
				// Searching reads; it is a POST only because the criteria are a JSON body.
				.requestMatchers(path(HttpMethod.POST, "/api/inventory/search"), path(HttpMethod.POST, "/api/inventory/export")).authenticated()
				.requestMatchers(path(HttpMethod.HEAD, "/api/**")).authenticated()
				.anyRequest().hasRole(ADMIN))
			.httpBasic((basic) -> basic.realmName("Parc").authenticationEntryPoint(entryPoint))
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(deniedHandler))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		// @formatter:on
		return http.build();
	}

	/**
	 * What Camunda Modeler's "Deploy to Camunda 7" sends (a look at the engine and its
	 * deployments, then the deployment itself), what a designer reads about processes,
	 * and the completion of a user task. Deleting deployments or changing running
	 * instances stays with administrators.
	 */
	private static RequestMatcher designerEngineCalls() {
		return new OrRequestMatcher(path(HttpMethod.GET, "/engine-rest/version"),
				path(HttpMethod.GET, "/engine-rest/engine"), path(HttpMethod.GET, "/engine-rest/deployment"),
				path(HttpMethod.GET, "/engine-rest/deployment/**"),
				path(HttpMethod.POST, "/engine-rest/deployment/create"),
				path(HttpMethod.GET, "/engine-rest/process-definition"),
				path(HttpMethod.GET, "/engine-rest/process-definition/**"), path(HttpMethod.GET, "/engine-rest/task"),
				path(HttpMethod.GET, "/engine-rest/task/**"), path(HttpMethod.POST, "/engine-rest/task/*/complete"),
				path(HttpMethod.POST, "/engine-rest/task/*/claim"));
	}

	/**
	 * Cockpit, Tasklist and Admin keep their own login form, session and CSRF protection;
	 * their login checks the password against Parc's accounts through the engine's
	 * identity provider.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain camundaWebappSecurity(HttpSecurity http) throws Exception {
		// @formatter:off
		http.securityMatcher(path("/camunda/**"))
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.headers((headers) -> headers.frameOptions((frame) -> frame.sameOrigin()));
		// @formatter:on
		return http.build();
	}

	/**
	 * Forms and confirmations that can only lead to a change: a read-only user is told so
	 * when opening them, not after filling them in.
	 */
	private static RequestMatcher adminOnlyForms() {
		return new OrRequestMatcher(path(HttpMethod.GET, "/*/new"), path(HttpMethod.GET, "/*/*/edit"),
				path(HttpMethod.GET, "/*/*/delete"), path(HttpMethod.GET, "/machines/import"),
				path(HttpMethod.GET, "/groups/import"), path(HttpMethod.GET, "/groups/*/members/add"),
				path(HttpMethod.GET, "/quick-actions"), path(HttpMethod.GET, "/networks/scan"));
	}

	/**
	 * The console page a refused request is forwarded to (403), whatever its method, in
	 * the console's layout; served by the ui module.
	 */
	static final String ADMIN_ONLY_PAGE = "/admin-only";

	/**
	 * Console pages run only Parc's own script and style files: no inline script or style
	 * attribute, so that text stored by anyone and shown on a page cannot become code
	 * even if escaping failed somewhere. Bootstrap's icons are data: images. Swagger UI,
	 * a library's page, is left out.
	 */
	static final String CONSOLE_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'self'";

	@Bean
	@Order(3)
	SecurityFilterChain consoleSecurity(HttpSecurity http, ConsoleLoginFailureHandler loginFailures) throws Exception {
		// @formatter:off
		http.authorizeHttpRequests((requests) -> requests
				.requestMatchers(path("/login"), path("/error"), path("/webjars/**"), path("/css/**"), path("/js/**"), path("/images/**"), path("/favicon.ico"), path("/actuator/health"), path("/actuator/health/**"), path("/actuator/info"), path("/v3/api-docs"), path("/v3/api-docs/**"), path("/swagger-ui.html"), path("/swagger-ui/**")).permitAll()
				.requestMatchers(path("/actuator/**")).hasRole(ADMIN)
				.requestMatchers(path("/users/**")).hasRole(ADMIN)
				.requestMatchers(path("/settings/**")).hasRole(ADMIN)
				.requestMatchers(path("/file-pulls"), path("/file-pulls/**")).hasRole(ADMIN)
				.requestMatchers(adminOnlyForms()).hasRole(ADMIN)
				.requestMatchers(path(HttpMethod.GET, "/processes/upload"), path(HttpMethod.POST, "/processes"), path(HttpMethod.POST, "/processes/**")).hasAnyRole(ADMIN, DESIGNER)
				.requestMatchers(path(ADMIN_ONLY_PAGE)).authenticated()
				.requestMatchers(path(HttpMethod.GET, "/**")).authenticated()
				.requestMatchers(path(HttpMethod.POST, "/account/**")).authenticated()
				.anyRequest().hasRole(ADMIN))
			.exceptionHandling((exceptions) -> exceptions.accessDeniedPage(ADMIN_ONLY_PAGE))
			.headers((headers) -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
					new NegatedRequestMatcher(new OrRequestMatcher(path("/swagger-ui.html"), path("/swagger-ui/**"))),
					new StaticHeadersWriter("Content-Security-Policy", CONSOLE_CONTENT_SECURITY_POLICY))))
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(loginFailures).permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout").permitAll());
		// @formatter:on
		return http.build();
	}

}
