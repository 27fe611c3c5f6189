#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: alertsite_monitors
short_description: Converge many AlertSite monitors of any type in one task
version_added: 0.1.0
description:
  - Takes a list of monitor definitions (TCP, IMAP, POP3, SMTP, round-trip email, ping, DNS, website, FTP, API
    endpoint and DéjàClick) and
    converges them all with one login and one paged listing, writing only what differs. Built for fleets of
    hundreds of monitors, for example from an AWX job template through the role
    P(community.alertsite.monitors#role).
  - Each definition is planned exactly as the single-monitor modules plan one monitor (same options, same
    checks, same comparison, same lookup), identified by its O(config[].type) and O(config[].name). A definition
    whose monitor exists under the other type of its kind fails as the single module does (a C(website) monitor
    cannot become a C(website-ssl) one, or back), and one named like a monitor of another email protocol gets the
    same warning. The listing therefore also reads the other types of each definition's kind (all three email
    protocols for an email definition, both website types for a website one).
  - All definitions are checked before any request. If a write fails, the other monitors are still converged,
    and the task fails afterwards, listing what failed in RV(msg) and in RV(results).
  - Creates and updates go first, up to O(parallel_writes) at a time; deletions (O(state=overridden),
    O(state=deleted)) only run when every create and update of the task succeeded, and are otherwise reported as
    skipped. What was written is then read back with one paged listing (or one C(GET) per monitor when fewer).
author:
  - community.alertsite maintainers (@ansible-collections)
extends_documentation_fragment:
  - community.alertsite.connection
  - community.alertsite.attributes
  - community.alertsite.resource_module
attributes:
  action:
    description: An action plugin reads the O(config[].script_file) of C(dejaclick) definitions on the controller.
    support: full
options:
  state:
    description:
      - V(merged) creates the listed monitors that do not exist and changes the options set that differ.
        Monitors not listed are left alone.
      - V(replaced) does what V(merged) does, and also clears options with an empty value (O(config[].note),
        O(config[].alert_note), O(config[].ipv4), O(config[].name_to_resolve), O(config[].keyword_string)) that a
        definition leaves out.
        Options whose default depends on the account (interval, locations, mode, ...) are left as they are when
        left out.
      - V(overridden) does what V(replaced) does, and also deletes every monitor of the listed types (the
        types of O(config) and O(types)) that O(config) does not list. Preview it with check mode and C(--diff).
      - V(deleted) deletes the listed monitors that exist; only O(config[].type) and O(config[].name) matter.
      - V(gathered) changes nothing and returns the existing monitors of O(types) (or of the types in
        O(config); all managed types when both are empty) as definitions in RV(gathered). Options the monitor
        leaves unset (null, an empty text, no locations) are left out, so the output can be fed back as
        O(config) with any state and changes nothing.
      - V(rendered) makes no request and returns in RV(rendered) the requests a V(merged) run would send to an
        account that holds none of the monitors (one C(POST) per definition), secrets masked.
      - V(parsed) makes no request and turns O(running_config), a C(GET /monitors) reply, into definitions in
        the O(config) format, returned in RV(parsed) (only the managed types; only O(types) when set).
      - "Deliberate differences from network resource modules: an empty O(config) changes nothing with V(merged),
        V(replaced) and V(deleted) (it never means \"every monitor\"); V(deleted) only deletes the listed monitors;
        V(replaced) resets only the options with a known empty value (O(config[].note), O(config[].alert_note),
        O(config[].ipv4), O(config[].name_to_resolve), O(config[].keyword_string)) because the others' defaults
        depend on the account."
    type: str
    choices: [merged, replaced, overridden, deleted, gathered, rendered, parsed]
    default: merged
  parallel_writes:
    description:
      - How many writes (C(POST), C(PATCH), C(DELETE)) are in flight at once. The writes of different monitors do
        not depend on each other, so against a distant API this divides the wall time of a large change.
      - V(1) sends one write at a time.
      - AlertSite does not document a rate limit. If the API answers C(429 Too Many Requests), every write waits
        for its C(Retry-After) before going on, and the write is retried; lower this value if that happens often.
    type: int
    default: 4
  scope:
    description:
      - The slice of the account the task owns, the monitors whose custom properties hold the given values (for
        example the value V(payments) of the property C(Team)). O(state=overridden) and O(state=deleted) without O(config)
        delete, and O(state=gathered) returns, only monitors inside the scope, so one team's task never touches
        another team's monitors. O(state=deleted) without O(config) deletes every monitor of the scope, of any
        managed type.
      - Definitions are still matched against every monitor; a definition whose monitor lies outside the scope
        fails and nothing is written to it. A definition that names none of a scope property gets the scope's
        value, so what it creates stays inside; one that gives a scope property another value is refused before
        any request.
      - Names are resolved with the task's one listing of the properties; an unknown property or value fails the
        task before any write.
    type: dict
    suboptions:
      custom_properties:
        description: A mapping from property names to value names; a monitor is inside when it holds every one of these values.
        type: dict
        required: true
    version_added: 2.0.0
  scripts_dest:
    description:
      - With O(state=gathered), a directory on the host that runs the module. The script of each C(dejaclick)
        monitor gathered is written, as the API returns it, to C(<scripts_dest>/<type>/<name>.xml) (a C(/) in a
        name becomes C(_); a monitor whose type and name another monitor shares, to C(<name>.<id>.xml)), existing
        files replaced, and its definition in RV(gathered) names that file in O(config[].script_file) instead of
        giving the script as text. Fed back as O(config), the definitions read the files and write nothing.
      - O(config[].script_file) is read on the controller, so run the task on C(localhost) (or delegate it to
        C(localhost)). A relative O(scripts_dest) is relative to the directory the module runs in (on
        C(localhost), where C(ansible-playbook) was started) and a relative O(config[].script_file) is looked for
        beside the playbook; start C(ansible-playbook) in the playbook's directory, or give an absolute path such as
        C("{{ playbook_dir }}/journeys").
    type: path
    version_added: 2.0.0
  running_config:
    description:
      - With O(state=parsed), an AlertSite listing to parse, as JSON text or data - the reply of
        C(GET /monitors) (an object with C(results)) or a list of monitor objects.
      - The secrets its monitors hold (the mailbox password of round-trip monitors) are masked wherever Ansible
        shows the task, as the values of C(no_log) options are (the invocation at C(-vvv) and in the registered result,
        messages, warnings, the invocation logged on the host that runs the module).
    type: raw
    version_added: 1.0.0
  types:
    description:
      - API types that O(state=overridden) and O(state=gathered) act on, besides those of O(config).
      - With O(state=merged) and O(state=replaced), the listing also holds these types, so that RV(not_in_config)
        names their monitors that O(config) does not list (nothing else changes).
      - With O(state=overridden) and an empty O(config), this says which types to empty.
      - With O(state=parsed), only monitors of these types are returned.
    type: list
    elements: str
    choices: [dejaclick, email-imap, email-pop, email-round-trip, email-smtp, ftp, ftp-ssl, name-server, ping, tcp,
              website, website-api, website-ssl, website-ssl-api]
  update_password:
    description:
      - V(on_create) sends O(config[].email_password) only to monitors being created; V(always) sends it to every
        listed round-trip monitor that sets it, which reports those as changed on every run.
      - The same applies to the step passwords of O(config[].api_steps).
    type: str
    choices: [on_create, always]
    default: on_create
  config:
    description:
      - The monitor definitions. Each needs O(config[].type) and O(config[].name); to create a monitor, also the
        options its type requires (see the single-monitor modules).
      - An option that does not belong to the definition's type is refused.
    type: list
    elements: dict
    aliases: [monitors]
    suboptions:
      type:
        description:
          - The API monitor type, one of V(tcp), V(email-imap), V(email-pop), V(email-smtp), V(email-round-trip),
            V(ping), V(name-server), V(website), V(website-ssl), V(ftp), V(ftp-ssl), V(website-api),
            V(website-ssl-api) and V(dejaclick).
          - An FTP monitor's type follows the scheme of its O(config[].hostname) (V(ftp) for C(ftp://), V(ftp-ssl)
            for C(ftps://)), and an API endpoint monitor's the scheme of its steps' URLs (V(website-ssl-api) when
            every step is C(https://), V(website-api) otherwise), as with M(community.alertsite.alertsite_ftp_monitor)
            and M(community.alertsite.alertsite_api_monitor).
          - A website monitor's type follows the scheme of its O(config[].url), as with
            M(community.alertsite.alertsite_website_monitor) - V(website) for C(http://), V(website-ssl) for
            C(https://) - and a definition whose URL does not match its type is refused.
        type: str
        required: true
      name:
        description:
          - Name of the monitor; with O(config[].type) it identifies the monitor.
        type: str
        required: true
      id:
        description:
          - The id of an existing monitor, to choose one of several monitors of the same type and name, or to
            rename a monitor (O(config[].name) is then its new name). RV(gathered) sets it where names repeat.
          - A definition whose monitor cannot be told (two monitors answer to its name, an unknown id, a rename
            onto a name in use) fails alone, and the other definitions are still converged.
        type: str
        version_added: 1.0.0
      billing_plancode:
        description: Billing plan, for example V(UBM - A/A). Required to create a monitor.
        type: str
      interval:
        description: Minutes between two runs.
        type: int
      timeout:
        description: Seconds before a run counts as an error.
        type: int
      enabled:
        description: Whether the monitor runs.
        type: bool
      locations:
        description: Ids of the monitoring locations, compared as a set.
        type: list
        elements: int
      home_location:
        description: Id of the primary location.
        type: int
      mode:
        description: Monitoring mode, for example V(Primary) or V(Global Verify).
        type: str
      monitor_location_count:
        description: Locations per run when O(config[].rotate_locations=true).
        type: int
      note:
        description: Dashboard note, at most 255 characters.
        type: str
      alert_note:
        description: Text added to alerts, at most 1000 characters.
        type: str
      notify_on_error:
        description: Whether to send availability alerts.
        type: bool
      retry_on_failure:
        description: Whether to retry locally before reporting an error.
        type: bool
      rotate_locations:
        description: Whether to use a subset of the locations on each run.
        type: bool
      traceroute_on_error:
        description: Whether to run a traceroute on errors.
        type: bool
      allow_internal_testing:
        description: Whether AlertSite QA may use the monitor for testing.
        type: bool
      custom_properties:
        description:
          - The monitor's custom properties, a mapping from a property's name to the name of one of its values; see
            O(community.alertsite.alertsite_tcp_monitor#module:custom_properties). Names are resolved with one
            listing of the properties for all definitions; an unknown property or value fails that definition before
            any write. O(state=gathered) shows them by name.
        type: dict
      hostname:
        description:
          - Server to check (C(tcp), C(email-*) and C(ping) types; for C(name-server), the name server to query).
            Required to create those.
          - For C(ftp) and C(ftp-ssl), the server as C(ftp://host) or C(ftps://host) (required to create one).
        type: str
      port:
        description: Port to check, 1 to 65535 (C(tcp), required to create one, C(email-*) and C(ftp*) types).
        type: int
      ipv4:
        description: Fixed IPv4 address to check instead of resolving O(config[].hostname).
        type: str
      resolve_dns:
        description: Whether to resolve O(config[].hostname) on every run.
        type: bool
      smtp_hostname:
        description: SMTP server of a round-trip monitor, a host or a URL such as V(smtps://smtp.example.com:465).
        type: str
      pop3_hostname:
        description: POP3 server of a round-trip monitor, a host or a URL such as V(pop3s://mail.example.com:995).
        type: str
      email:
        description: Mailbox of a round-trip monitor.
        type: str
      email_username:
        description: POP3 login of the mailbox.
        type: str
      email_password:
        description: POP3 password of the mailbox; write-only, see O(update_password). Never returned.
        type: str
      name_to_resolve:
        description: Domain name a C(name-server) monitor asks its name server to resolve; empty clears it.
        type: str
      url:
        description:
          - Page a C(website) (C(http://)) or C(website-ssl) (C(https://)) monitor checks. Required to create those.
          - For C(dejaclick), the page of a single-step monitor (instead of O(config[].script)).
        type: str
      check_fullpage_missing_objects:
        description: Whether a website monitor loads every object of the page and reports the missing ones.
        type: bool
      check_fullpage_object_sizes:
        description: Whether a website monitor checks the sizes of the page's objects.
        type: bool
      fullpage_object_timeout:
        description: Time limit for each object of the page in full-page checks (unit not documented by the vendor).
        type: int
      notify_on_fullpage_errors:
        description: Whether errors of the full-page checks send alerts.
        type: bool
      keyword_string:
        description: Text a website monitor's page must contain (or, with O(config[].keyword_match_invert), not).
        type: str
      keyword_match_type:
        description: How O(config[].keyword_string) is matched; only V(Plain Text) is documented.
        type: str
      keyword_match_invert:
        description: Whether finding O(config[].keyword_string) is the error.
        type: bool
      use_ssl_version:
        description:
          - SSL/TLS version of a C(website-ssl) or C(ftp-ssl) monitor, as the API numbers it; only V(2) is documented.
        type: int
      enable_ftp_upload:
        description:
          - Whether an FTP monitor tests uploading and downloading a file as well as logging in.
          - Required to create one.
        type: bool
      api_steps:
        description:
          - The steps of an API endpoint monitor, in order, as for
            O(community.alertsite.alertsite_api_monitor#module:api_steps) (C(step_name), C(url), C(http_method),
            C(post), C(head), C(assertions), C(variables)). Required to create one.
          - Compared in order, only the keys given; a change sends them all, each numbered by its position.
          - The step passwords (C(head.http_basic_auth_password)) are write-only (see O(update_password)), masked
            wherever Ansible shows the task, and never returned; RV(gathered) leaves them out.
        type: list
        elements: dict
      script:
        description:
          - The recorded script (XML text) of a C(dejaclick) monitor, compared as canonical XML. Mutually exclusive
            with O(config[].script_file).
          - RV(gathered) gives the script as text, unless O(scripts_dest) is set.
        type: str
      script_file:
        description:
          - The XML file of the recorded script of a C(dejaclick) monitor, read on the controller, as
            O(community.alertsite.alertsite_dejaclick_monitor#module:script_file) is (a relative path is looked
            for in the C(files) directory of the role and of the playbook, then beside them); its text is compared
            and sent as O(config[].script) is.
          - A file that is missing, cannot be read or is not well-formed XML is refused before any request.
          - With O(scripts_dest), RV(gathered) names the files it wrote here.
        type: str
        version_added: 2.0.0
      step_timeout:
        description:
          - How long, in seconds, each network request of a C(dejaclick) monitor's step may take.
          - Required to create one.
        type: int
      transaction_steps:
        description: The number of steps of a C(dejaclick) monitor's journey. Required to create one.
        type: int
      browser_type:
        description: Browser of a C(dejaclick) monitor, passed to the API as given.
        type: str
      check_ssl_expiration_dates:
        description: Certificate expiry that a C(website-ssl) monitor reports; only V(Expired) is documented.
        type: str
requirements:
  - requests
seealso:
  - module: community.alertsite.alertsite_access_token
  - module: community.alertsite.alertsite_tcp_monitor
  - module: community.alertsite.alertsite_monitor_info
'''

EXAMPLES = r'''
- name: Converge the whole fleet (create and update; leave other monitors alone)
  community.alertsite.alertsite_monitors:
    state: merged
    config:
      - type: tcp
        name: web-443
        billing_plancode: UBM - A/A
        hostname: www.example.com
        port: 443
      - type: email-smtp
        name: mx
        billing_plancode: UBM - A/A
        hostname: smtp.example.com
        port: 587

- name: Preview what overridden would delete
  community.alertsite.alertsite_monitors:
    state: overridden
    config: "{{ tcp_monitors }}"
  check_mode: true
  diff: true
  register: preview

- name: Show the monitors that would be deleted
  ansible.builtin.debug:
    msg: "{{ preview.results | selectattr('action', 'equalto', 'delete') | map(attribute='name') | list }}"

- name: Converge, and keep every monitor as the API holds it in the result (unchanged ones too)
  community.alertsite.alertsite_monitors:
    config: "{{ tcp_monitors }}"
    return_unchanged: true
  register: fleet

- name: Show the hostname of every monitor, changed or not
  ansible.builtin.debug:
    msg: "{{ fleet.results | map(attribute='monitor') | map(attribute='hostname') | list }}"

- name: Export every TCP monitor as definitions
  community.alertsite.alertsite_monitors:
    state: gathered
    types: [tcp]
  register: export

- name: Export the DejaClick monitors, their recorded scripts to journeys/dejaclick/<name>.xml
  community.alertsite.alertsite_monitors:
    state: gathered
    types: [dejaclick]
    scripts_dest: "{{ playbook_dir }}/journeys"
  delegate_to: localhost
  register: journeys

- name: Converge from them (the definitions name the files in script_file)
  community.alertsite.alertsite_monitors:
    config: "{{ journeys.gathered }}"

- name: Show the requests the definitions would make, without any request
  community.alertsite.alertsite_monitors:
    state: rendered
    config: "{{ tcp_monitors }}"
  register: requests

- name: Turn a saved API listing into definitions, without any request
  community.alertsite.alertsite_monitors:
    state: parsed
    running_config: "{{ lookup('ansible.builtin.file', 'monitors.json') }}"
  register: definitions
'''

RETURN = r'''
before:
  description:
    - The monitors the task planned (listed in O(config), and for O(state=overridden) those deleted) as they were
      before the task, in the O(config) format (no secrets).
    - Unless O(return_unchanged=true), only the monitors the task creates, updates or deletes (or in check mode would),
      or fails on; those left as they were are only named in RV(results).
  returned: when the task talked to the API, except with O(state=gathered)
  type: list
  elements: dict
  contains:
    type:
      description: The API type of the monitor.
      type: str
      sample: tcp
    id:
      description: The monitor's id, present where another monitor of the same type has the same name.
      type: str
      sample: "100001"
    name:
      description: The monitor's name.
      type: str
      sample: web-443
    billing_plancode:
      description: The billing plan; like every other option of O(config) the monitor holds, in the O(config) format.
      type: str
      sample: UBM - A/A
    locations:
      description: The ids of the monitoring locations.
      type: list
      elements: int
      sample: [10, 20]
  sample:
    - {type: tcp, name: web-443, billing_plancode: UBM - A/A, hostname: www.example.com, port: 443}
after:
  description:
    - The same monitors as they are after the task (in check mode, as they would be), in the O(config) format;
      deleted monitors are left out.
    - As in Ansible's resource modules, only when something changed (else it would equal RV(before)).
  returned: when the task changed something (or in check mode would)
  type: list
  elements: dict
  contains:
    type:
      description: The API type of the monitor.
      type: str
      sample: tcp
    id:
      description: The monitor's id, present where another monitor of the same type has the same name.
      type: str
      sample: "100001"
    name:
      description: The monitor's name.
      type: str
      sample: web-443
    billing_plancode:
      description: The billing plan; like every other option of O(config) the monitor holds, in the O(config) format.
      type: str
      sample: UBM - A/A
    locations:
      description: The ids of the monitoring locations.
      type: list
      elements: int
      sample: [10, 20]
  sample:
    - {type: tcp, name: web-443, billing_plancode: UBM - A/A, hostname: www.example.com, port: 8443}
commands:
  description:
    - The API writes the task sent (in check mode, would send), in order, secrets masked.
  returned: when the task talked to the API, except with O(state=gathered)
  type: list
  elements: dict
  contains:
    method:
      description: C(POST), C(PATCH) or C(DELETE).
      type: str
      sample: PATCH
    path:
      description: The request path below the API URL.
      type: str
      sample: /monitors/tcp/100001
    body:
      description: The request body (absent for C(DELETE)); secrets shown as C(********).
      type: dict
      sample: {port: 8443}
      contains:
        port:
          description: Like every field sent, named as the API names it.
          type: int
          sample: 8443
  sample:
    - {method: PATCH, path: /monitors/tcp/100001, body: {port: 8443}}
rendered:
  description: The requests a V(merged) run would send to an account without the monitors, as RV(commands) shows them.
  returned: when O(state=rendered)
  type: list
  elements: dict
  contains:
    method:
      description: C(POST), C(PATCH) or C(DELETE).
      type: str
      sample: POST
    path:
      description: The request path below the API URL.
      type: str
      sample: /monitors/tcp
    body:
      description: The request body (absent for C(DELETE)), secrets shown as C(********).
      type: dict
      sample: {name: web-443, port: 443}
      contains:
        name:
          description: Like every field sent, named as the API names it.
          type: str
          sample: web-443
  sample:
    - {method: POST, path: /monitors/tcp, body: {name: web-443, billing_plancode: UBM - A/A, hostname: www.example.com, port: 443}}
parsed:
  description: The monitors of O(running_config) as definitions in the O(config) format (no secrets).
  returned: when O(state=parsed)
  type: list
  elements: dict
  contains:
    type:
      description: The API type of the monitor.
      type: str
      sample: tcp
    id:
      description: The monitor's id, present where another monitor of the same type has the same name.
      type: str
      sample: "100001"
    name:
      description: The monitor's name.
      type: str
      sample: web-443
    billing_plancode:
      description: The billing plan; like every other option of O(config) the monitor holds, in the O(config) format.
      type: str
      sample: UBM - A/A
    locations:
      description: The ids of the monitoring locations.
      type: list
      elements: int
      sample: [10, 20]
  sample:
    - {type: tcp, name: web-443, billing_plancode: UBM - A/A, hostname: www.example.com, port: 443}
not_gathered:
  description:
    - The monitors of the listing that RV(gathered) cannot hold, because this module does not manage their type
      (C(selenium), C(api), ...) - their C(type), C(name) and C(id), so that nothing is left out silently.
    - Without O(types) and O(scope), the listing holds every type of monitor; otherwise only the managed types (those
      of O(types)), and this is empty.
  returned: when O(state=gathered)
  type: list
  elements: dict
  sample: [{type: selenium, name: checkout journey, id: "100042"}]
  contains:
    type:
      description: The API type of the monitor.
      type: str
      sample: selenium
    name:
      description: The name of the monitor.
      type: str
      sample: checkout journey
    id:
      description: The id of the monitor.
      type: str
      sample: "100042"
not_in_config:
  description:
    - The monitors of the listing (of the types of O(config) and O(types), in the O(scope)) that no definition
      stands for - exactly those that O(state=overridden) would delete - named by their C(type), C(name) and C(id),
      so that the caller can delete the ones it chooses afterwards (O(state=deleted) with their ids) without a
      listing of its own.
    - Listed as they were before the task's writes.
  returned: when O(state=merged) or O(state=replaced)
  type: list
  elements: dict
  sample: [{type: tcp, name: legacy ftp, id: "100017"}]
  version_added: 2.0.0
  contains:
    type:
      description: The API type of the monitor.
      type: str
      sample: tcp
    name:
      description: The name of the monitor.
      type: str
      sample: legacy ftp
    id:
      description: The id of the monitor.
      type: str
      sample: "100017"
status:
  description: The HTTP status of the failed request, when the task failed on one (with several failed writes, only when there is one).
  returned: on failure
  type: int
  sample: 400
api_errors:
  description: The API's error messages (C(errors[].message), with the fields they name) of the failed requests.
  returned: on failure, when the API gave any
  type: list
  elements: str
  sample: ["port: port must be between 1 and 65535"]
results:
  description: One entry per monitor planned, in the order of O(config), then the deletions of O(state=overridden).
  returned: unless O(state=gathered)
  type: list
  elements: dict
  contains:
    type:
      description: API type.
      type: str
      sample: tcp
    name:
      description: Monitor name.
      type: str
      sample: web-443
    id:
      description: Monitor id (null for a monitor that does not exist yet, in check mode).
      type: str
      sample: "100001"
    action:
      description: V(create), V(update), V(delete) or V(none).
      type: str
      sample: update
    changed:
      description: Whether the monitor was (or in check mode would be) changed.
      type: bool
      sample: true
    changes:
      description: Options sent (all on create, the differing ones on update).
      type: list
      elements: str
      sample: [port]
    monitor:
      description:
        - The monitor as the API holds it afterwards (predicted in check mode; empty once deleted).
        - Left out of an item with RV(results[].action=none) unless O(return_unchanged=true).
      type: dict
      contains:
        id:
          description: The monitor's id.
          type: int
          sample: 100001
        type:
          description: The API type of the monitor.
          type: str
          sample: tcp
        name:
          description: The monitor's name; the other keys are the monitor's fields as the API returns them.
          type: str
          sample: web-443
      sample: {id: 100001, type: tcp, name: web-443, port: 8443}
    failed:
      description: Present and true when this monitor's plan or write failed; RV(results[].msg) says why.
      type: bool
      sample: true
    skipped:
      description: Present and true for a deletion that was not sent because a create or update of the task failed.
      type: bool
      sample: true
    msg:
      description: Why this monitor failed or was skipped.
      type: str
      sample: "PATCH /monitors/tcp/100002 failed with HTTP 400: port: port must be between 1 and 65535"
  sample:
    - {type: tcp, name: web-443, id: 100001, action: update, changed: true, changes: [port], monitor: {id: 100001, port: 8443}}
gathered:
  description: The existing monitors as definitions in the O(config) format (no secrets).
  returned: when O(state=gathered)
  type: list
  elements: dict
  contains:
    type:
      description: The API type of the monitor.
      type: str
      sample: tcp
    id:
      description: The monitor's id, present where another monitor of the same type has the same name.
      type: str
      sample: "100001"
    name:
      description: The monitor's name.
      type: str
      sample: web-443
    billing_plancode:
      description: The billing plan; like every other option of O(config) the monitor holds, in the O(config) format.
      type: str
      sample: UBM - A/A
    locations:
      description: The ids of the monitoring locations.
      type: list
      elements: int
      sample: [10, 20]
    script_file:
      description: With O(scripts_dest), the file a C(dejaclick) monitor's script was written to (instead of C(script)).
      type: str
      sample: journeys/dejaclick/checkout-journey.xml
  sample:
    - {type: tcp, name: web-443, billing_plancode: UBM - A/A, hostname: www.example.com, port: 443, enabled: true}
msg:
  description: A summary of what was (or would be) done.
  returned: always
  type: str
  sample: "merged 500 monitors: 0 created, 50 updated, 0 deleted, 450 unchanged"
'''

from ansible_collections.community.alertsite.plugins.module_utils.bulk import run_bulk_module
from ansible_collections.community.alertsite.plugins.module_utils.monitor_kinds import MONITORS


def main():
    run_bulk_module(MONITORS)


if __name__ == '__main__':
    main()
