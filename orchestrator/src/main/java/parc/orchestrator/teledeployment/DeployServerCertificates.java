package parc.orchestrator.teledeployment;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * The deployment server's private CA and its server certificate, as PEM files under
 * {@code <data>/deploy-server/}: agents check the {@code info} file's HTTPS against the
 * CA, so no administrator makes a certificate by hand. The keys are written owner-only,
 * like the credential vault's key, and never leave the folder. RSA 2048, which every
 * agent's TLS library accepts.
 */
final class DeployServerCertificates {

	static final String FOLDER = "deploy-server";

	static final String CA_CERT = "ca.pem";

	static final String CA_KEY = "ca-key.pem";

	static final String SERVER_CERT = "server.pem";

	static final String SERVER_KEY = "server-key.pem";

	private static final Duration CA_LIFETIME = Duration.ofDays(3650);

	/** Below 398 days, the longest a browser accepts for a server certificate. */
	private static final Duration SERVER_LIFETIME = Duration.ofDays(397);

	private final Path folder;

	private final SecureRandom random = new SecureRandom();

	DeployServerCertificates(Path dataDir) {
		this.folder = dataDir.resolve(FOLDER);
	}

	Path folder() {
		return this.folder;
	}

	/** The CA and the server certificate, made on first use. */
	synchronized Loaded loadOrCreate(List<String> names) {
		try {
			Files.createDirectories(this.folder);
			if (!Files.exists(this.folder.resolve(CA_CERT)) || !Files.exists(this.folder.resolve(CA_KEY))) {
				createCa();
			}
			if (!Files.exists(this.folder.resolve(SERVER_CERT)) || !Files.exists(this.folder.resolve(SERVER_KEY))) {
				createServer(names);
			}
			return load();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"Cannot read or write the deployment server's certificates in " + this.folder, ex);
		}
		catch (GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException("Cannot make the deployment server's certificates", ex);
		}
	}

	/** A new server certificate for these names, signed by the same CA. */
	synchronized Loaded regenerateServer(List<String> names) {
		try {
			loadOrCreate(names);
			createServer(names);
			return load();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the deployment server's certificate in " + this.folder, ex);
		}
		catch (GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException("Cannot make the deployment server's certificate", ex);
		}
	}

	/** This host's name, every address of its interfaces, localhost and 127.0.0.1. */
	static List<String> defaultNames() {
		List<String> names = new ArrayList<>();
		try {
			names.add(InetAddress.getLocalHost().getHostName());
		}
		catch (IOException ex) {
			// No resolvable host name: the addresses below still work.
		}
		try {
			java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())
				.stream()
				.flatMap((nic) -> java.util.Collections.list(nic.getInetAddresses()).stream())
				.filter((address) -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
				.map((address) -> address.getHostAddress().replaceAll("%.*$", ""))
				.forEach(names::add);
		}
		catch (IOException ex) {
			// No interface list: the server is still reachable on loopback.
		}
		names.add("localhost");
		names.add("127.0.0.1");
		return names.stream().distinct().toList();
	}

	private void createCa() throws IOException, GeneralSecurityException, OperatorCreationException {
		KeyPair keys = rsa();
		X500Name subject = new X500Name("CN=Parc deployment CA " + HexFormat.of().toHexDigits(this.random.nextInt()));
		Instant now = Instant.now();
		X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
				Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(CA_LIFETIME)), subject, keys.getPublic());
		JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
		builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
		builder.addExtension(Extension.subjectKeyIdentifier, false,
				extensions.createSubjectKeyIdentifier(keys.getPublic()));
		X509Certificate ca = sign(builder, keys.getPrivate());
		writeSecret(CA_KEY, pem(keys.getPrivate()));
		writePublic(CA_CERT, pem(ca));
	}

	private void createServer(List<String> names)
			throws IOException, GeneralSecurityException, OperatorCreationException {
		Loaded current = load();
		KeyPair keys = rsa();
		Instant now = Instant.now();
		X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(current.ca(), serial(),
				Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(SERVER_LIFETIME)),
				new X500Name("CN=" + names.get(0).replaceAll("[,+=\"\\\\<>;]", "_")), keys.getPublic());
		JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
		builder.addExtension(Extension.keyUsage, true,
				new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
		builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
		builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
				names.stream().map(DeployServerCertificates::generalName).toArray(GeneralName[]::new)));
		builder.addExtension(Extension.authorityKeyIdentifier, false,
				extensions.createAuthorityKeyIdentifier(current.ca()));
		X509Certificate server = sign(builder, current.caKey());
		writeSecret(SERVER_KEY, pem(keys.getPrivate()));
		writePublic(SERVER_CERT, pem(server));
	}

	private static GeneralName generalName(String name) {
		boolean address = name.matches("[0-9.]+") || name.contains(":");
		return new GeneralName(address ? GeneralName.iPAddress : GeneralName.dNSName, name);
	}

	private Loaded load() throws IOException, GeneralSecurityException {
		X509Certificate ca = readCertificate(CA_CERT);
		PrivateKey caKey = readKey(CA_KEY);
		Path serverCert = this.folder.resolve(SERVER_CERT);
		X509Certificate server = Files.exists(serverCert) ? readCertificate(SERVER_CERT) : null;
		PrivateKey serverKey = Files.exists(this.folder.resolve(SERVER_KEY)) ? readKey(SERVER_KEY) : null;
		return new Loaded(ca, caKey, server, serverKey);
	}

	private X509Certificate readCertificate(String name) throws IOException, GeneralSecurityException {
		try (Reader reader = Files.newBufferedReader(this.folder.resolve(name), StandardCharsets.US_ASCII);
				PEMParser parser = new PEMParser(reader)) {
			Object read = parser.readObject();
			if (!(read instanceof X509CertificateHolder holder)) {
				throw new IOException(name + " holds no certificate");
			}
			return new JcaX509CertificateConverter().getCertificate(holder);
		}
	}

	private PrivateKey readKey(String name) throws IOException {
		try (Reader reader = Files.newBufferedReader(this.folder.resolve(name), StandardCharsets.US_ASCII);
				PEMParser parser = new PEMParser(reader)) {
			Object read = parser.readObject();
			JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
			if (read instanceof PEMKeyPair pair) {
				return converter.getPrivateKey(pair.getPrivateKeyInfo());
			}
			if (read instanceof PrivateKeyInfo info) {
				return converter.getPrivateKey(info);
			}
			throw new IOException(name + " holds no private key");
		}
	}

	private KeyPair rsa() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048, this.random);
		return generator.generateKeyPair();
	}

	private BigInteger serial() {
		return new BigInteger(127, this.random).add(BigInteger.ONE);
	}

	private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
			throws OperatorCreationException, GeneralSecurityException {
		return new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(key)));
	}

	private static String pem(Object value) throws IOException {
		StringWriter text = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
			writer.writeObject(value);
		}
		return text.toString();
	}

	private void writeSecret(String name, String text) throws IOException {
		write(name, text, "rw-------");
	}

	private void writePublic(String name, String text) throws IOException {
		write(name, text, "rw-r--r--");
	}

	/** Whole or not at all: a crash mid-write must not leave half a key. */
	private void write(String name, String text, String permissions) throws IOException {
		Path temporary = Files.createTempFile(this.folder, name, ".tmp");
		try {
			restrict(temporary, "rw-------");
			Files.writeString(temporary, text, StandardCharsets.US_ASCII);
			restrict(temporary, permissions);
			Files.move(temporary, this.folder.resolve(name), StandardCopyOption.ATOMIC_MOVE,
					StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	private static void restrict(Path path, String permissions) throws IOException {
		try {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system (Windows): its ACLs already keep the file to the
			// user.
		}
	}

	static String fingerprint(X509Certificate certificate) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
			return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	/** The CA and the server's certificate and keys, as read from the folder. */
	record Loaded(X509Certificate ca, PrivateKey caKey, X509Certificate server, PrivateKey serverKey) {

		/** The server's names and addresses, from its certificate. */
		List<String> serverNames() {
			try {
				java.util.Collection<List<?>> names = this.server.getSubjectAlternativeNames();
				return (names == null) ? List.of() : names.stream().map((name) -> name.get(1).toString()).toList();
			}
			catch (java.security.cert.CertificateParsingException ex) {
				throw new IllegalStateException("The server certificate's names cannot be read", ex);
			}
		}

	}

}
