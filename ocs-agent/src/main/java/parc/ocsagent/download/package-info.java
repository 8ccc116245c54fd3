/**
 * Teledeployment on the agent's side of the wire (protocol §2.4 and §4): the package an
 * agent downloads (an archive cut into fragments, and the {@code info} file that names
 * its digest and what to do with it) and the {@code DOWNLOAD} option of a PROLOG reply
 * that offers it. Files in, files out: where they are served from is the caller's
 * business.
 */
package parc.ocsagent.download;
