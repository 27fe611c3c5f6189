# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Recipient groups in the AlertSite API simulator (reference section 10), at ``/notifier-groups``.

``GET /notifier-groups`` (filters ``monitor_id`` and its documented misspelling ``monidor_id``, both read,
``recipient_id``, ``limit``, ``offset``, ``select``; the list metadata shows ``"offset": null`` when no offset
was asked), ``GET``/``PATCH``/``DELETE /notifier-groups/{id}``, ``POST /notifier-groups``.

* ``name`` (up to 128 characters), ``monitors`` (``[{"id", "step_number"}]``, step 0 = the whole monitor) and
  ``recipients`` (``[{"id"}]``) are required, each list with at least one item: otherwise 400
  ``required and is empty`` naming the fields, as in the reference. ``errortypes`` (``[{"id"}]``, codes up to 3
  digits; empty = all errors) and ``templates`` (``[{"id"}]``, ids of ``TEMPLATES``) are optional.
* Unknown monitor, recipient and template ids are refused (400 naming the list). Read-only fields are ignored:
  the group's ``id`` and the names GET adds to the items; other unknown fields are refused.
* A PATCH replaces each list it carries as a whole. ``is_default: true`` makes the group the only default one
  (the others lose it).
* GET adds read-only names: monitors get ``name`` and ``step_name`` (null for step 0, else "Step N"),
  recipients ``name`` and ``recipient``, errortypes ``description``, templates ``name`` and
  ``alert_description_short``.
* Deleting a monitor or a recipient takes it out of every group; a group may be left with an empty list
  (it is not deleted), as the vendor's advice about recipients implies.
"""

from sim_store import Errors, ObjectKind, id_list, int_param, is_blank, is_int, screen_body

NAME_MAX = 128
ERROR_TYPES = {1: 'TCP Connection Failed', 2: 'Test timed out'}
TEMPLATES = {
    14: {'name': 'Slack alert', 'alert_description_short': 'Site Error JSON'},
    27: {'name': 'Short e-mail', 'alert_description_short': 'Site Error'},
}
FIELD_TYPES = {
    'name': 'string', 'is_default': 'bool', 'monitors': 'list', 'recipients': 'list', 'errortypes': 'list',
    'templates': 'list',
}
LISTS = ('monitors', 'recipients', 'errortypes', 'templates')
# The keys a list item takes, and the read-only ones GET adds (ignored in a write).
ITEM_KEYS = {
    'monitors': (('id', 'step_number'), ('name', 'step_name')),
    'recipients': (('id',), ('name', 'recipient')),
    'errortypes': (('id',), ('description',)),
    'templates': (('id',), ('name', 'alert_description_short')),
}
# The kind whose ids a list holds.
REFERENCES = {'monitors': ('monitors', 'monitor'), 'recipients': ('recipients', 'recipient')}


class RecipientGroups(ObjectKind, path='notifier-groups', first_id=400001):
    """Recipient groups: which recipients get the alerts of which monitors."""

    offset_when_absent = None

    def validate(self, body, stored=None):
        errors = Errors()
        if stored is None:
            required = ('name', 'monitors', 'recipients')
        else:
            required = [key for key in ('name', 'monitors', 'recipients') if key in body]
        data = screen_body(body, FIELD_TYPES, errors, lenient=self.lenient, ignored=('id',), check=self.check_field)
        empty = [key for key in required if is_blank(data.get(key)) or data.get(key) == []]
        if empty:
            errors.add('required and is empty', empty)
        errors.raise_any()
        return data

    def check_field(self, key, value, data, errors):
        """The rules of one group field (its type is already right); lists are normalised in ``data``."""
        if key == 'name' and len(value) > NAME_MAX:
            errors.add('name must be at most %d characters' % NAME_MAX, [key])
        elif key in LISTS:
            data[key] = self.check_list(key, value, errors)

    def check_list(self, key, items, errors):
        """Check one list of ``{"id": ...}`` items; return it with only the writable keys."""
        keys, read_only = ITEM_KEYS[key]
        result = []
        for item in items:
            if not isinstance(item, dict) or not is_int(item.get('id')):
                errors.add('each item of %s must be an object with an integer id' % key, [key])
                return items
            unknown = sorted('%s[].%s' % (key, name) for name in item if name not in keys and name not in read_only)
            if unknown and not self.lenient:
                errors.add('unknown field', unknown)
            clean = dict((name, item[name]) for name in keys if name in item)
            problem = self.item_problem(key, clean)
            if problem:
                errors.add(problem, [key])
            result.append(clean)
        return result

    def item_problem(self, key, item):
        """What is wrong with one list item, or None; fills ``step_number``."""
        if key in REFERENCES:
            kind_path, label = REFERENCES[key]
            if self.sim.kinds[kind_path].find(item['id']) is None:
                return 'unknown %s id %s' % (label, item['id'])
        if key == 'monitors':
            item.setdefault('step_number', 0)
            if not is_int(item['step_number']) or item['step_number'] < 0:
                return 'step_number must be an integer from 0 (0 = the whole monitor)'
        elif key == 'errortypes' and not 0 <= item['id'] <= 999:
            return 'error type ids have at most 3 digits'
        elif key == 'templates' and item['id'] not in TEMPLATES:
            return 'unknown template id %s' % item['id']
        return None

    def new_fields(self, fields, request):
        return dict({'is_default': False, 'errortypes': [], 'templates': []}, **fields)

    def after_write(self, record):
        """Only one group is the default one."""
        if record.get('is_default'):
            for other in self.ordered():
                if other is not record:
                    other['is_default'] = False

    def seed_fields(self, item):
        fields = {'name': '', 'is_default': False}
        fields.update(dict((key, value) for key, value in item.items() if key != 'id'))
        for key in LISTS:
            fields[key] = id_list(fields.get(key), keep=('step_number',))
        for monitor in fields['monitors']:
            monitor.setdefault('step_number', 0)
        return fields

    def view(self, record):
        monitors = self.sim.kinds['monitors']
        recipients = self.sim.kinds['recipients']
        result = {'id': record['id']}
        result.update(record)
        result['monitors'] = []
        for item in record.get('monitors', []):
            monitor = monitors.find(item['id']) or {}
            step = item.get('step_number', 0)
            result['monitors'].append(dict(item, name=monitor.get('name'), step_name='Step %d' % step if step else None))
        result['recipients'] = []
        for item in record.get('recipients', []):
            recipient = recipients.find(item['id']) or {}
            result['recipients'].append(dict(item, name=recipient.get('name'), recipient=recipient.get('recipient')))
        result['errortypes'] = [dict(item, description=ERROR_TYPES.get(item['id'], 'Error %s' % item['id']))
                                for item in record.get('errortypes', [])]
        result['templates'] = [dict(item, **TEMPLATES.get(item['id'], {'name': None, 'alert_description_short': None}))
                               for item in record.get('templates', [])]
        return result

    def filters(self, query):
        wanted = dict((name, int_param(query, name)) for name in ('monidor_id', 'monitor_id', 'recipient_id'))

        def keep(record):
            monitor_ids = set(item['id'] for item in record.get('monitors', []))
            recipient_ids = set(item['id'] for item in record.get('recipients', []))
            return ((wanted['monidor_id'] is None or wanted['monidor_id'] in monitor_ids)
                    and (wanted['monitor_id'] is None or wanted['monitor_id'] in monitor_ids)
                    and (wanted['recipient_id'] is None or wanted['recipient_id'] in recipient_ids))
        return keep

    def ids_for(self, kind_path, member_id):
        """The ids (strings) of the groups a monitor or recipient belongs to."""
        key = 'monitors' if kind_path == 'monitors' else 'recipients'
        return [str(record['id']) for record in self.ordered()
                if any(item['id'] == member_id for item in record.get(key, []))]

    def forget_for(self, kind_path, record_ids):
        """Deleting monitors or recipients takes them out of every group."""
        if kind_path not in REFERENCES:
            return
        for record in self.ordered():
            record[kind_path] = [item for item in record.get(kind_path, []) if item['id'] not in record_ids]
