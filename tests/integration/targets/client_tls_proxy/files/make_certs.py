#!/usr/bin/env python
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write a throw-away test CA, a server certificate it signed and an unrelated second CA.

Files written to ``--dir``:

* ``ca.pem``: the test CA certificate (the bundle to trust, e.g. as ``ca_path``);
* ``server.pem`` and ``server-key.pem``: a certificate for ``--ip`` (an IP address
  subject alternative name, default 127.0.0.1) signed by that CA, and its private key;
* ``other-ca.pem``: a CA certificate that did not sign anything here, a bundle that must
  not make the server trusted.

The keys are EC P-256 and the certificates live one day.  Only the ``cryptography``
package (a dependency of ansible-core) is used.
"""

import argparse
import datetime
import ipaddress
import os
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID


def _name(common_name):
    return x509.Name([
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, 'community.alertsite tests'),
        x509.NameAttribute(NameOID.COMMON_NAME, common_name),
    ])


def _validity(builder):
    now = datetime.datetime.now(datetime.timezone.utc)
    return builder.not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(days=1))


def make_ca(common_name):
    """A self-signed CA certificate and its key."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = _name(common_name)
    builder = x509.CertificateBuilder().subject_name(name).issuer_name(name)
    builder = _validity(builder).serial_number(x509.random_serial_number()).public_key(key.public_key())
    builder = builder.add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
    builder = builder.add_extension(x509.KeyUsage(
        digital_signature=True, content_commitment=False, key_encipherment=False, data_encipherment=False,
        key_agreement=False, key_cert_sign=True, crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
    builder = builder.add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    return builder.sign(key, hashes.SHA256()), key


def make_server(ca_cert, ca_key, ip):
    """A server certificate for one IP address, signed by the CA, and its key."""
    key = ec.generate_private_key(ec.SECP256R1())
    builder = x509.CertificateBuilder().subject_name(_name(str(ip))).issuer_name(ca_cert.subject)
    builder = _validity(builder).serial_number(x509.random_serial_number()).public_key(key.public_key())
    builder = builder.add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
    builder = builder.add_extension(x509.KeyUsage(
        digital_signature=True, content_commitment=False, key_encipherment=False, data_encipherment=False,
        key_agreement=False, key_cert_sign=False, crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
    builder = builder.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
    builder = builder.add_extension(x509.SubjectAlternativeName([x509.IPAddress(ip)]), critical=False)
    builder = builder.add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    builder = builder.add_extension(
        x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
    return builder.sign(ca_key, hashes.SHA256()), key


def _write(path, data, private=False):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600 if private else 0o644)
    with os.fdopen(fd, 'wb') as handle:
        handle.write(data)


def _pem(cert):
    return cert.public_bytes(serialization.Encoding.PEM)


def main(argv=None):
    """Write the certificates and keys; print the paths written."""
    parser = argparse.ArgumentParser(description='Write a test CA and a server certificate for an IP address.')
    parser.add_argument('--dir', required=True, help='directory to write into (must exist)')
    parser.add_argument('--ip', default='127.0.0.1', help='IP address of the server (default 127.0.0.1)')
    args = parser.parse_args(argv)
    try:
        ip = ipaddress.ip_address(args.ip)
    except ValueError as exc:
        parser.error(str(exc))

    ca_cert, ca_key = make_ca('community.alertsite test CA')
    server_cert, server_key = make_server(ca_cert, ca_key, ip)
    other_cert = make_ca('community.alertsite unrelated CA')[0]

    paths = {name: os.path.join(args.dir, name) for name in ('ca.pem', 'server.pem', 'server-key.pem', 'other-ca.pem')}
    _write(paths['ca.pem'], _pem(ca_cert))
    _write(paths['server.pem'], _pem(server_cert))
    _write(paths['server-key.pem'], server_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()), private=True)
    _write(paths['other-ca.pem'], _pem(other_cert))
    for name in sorted(paths):
        sys.stdout.write('%s\n' % paths[name])
    return 0


if __name__ == '__main__':
    sys.exit(main())
