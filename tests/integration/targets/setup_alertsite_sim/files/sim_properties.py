# Copyright (c) community.alertsite contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Custom properties in the AlertSite API simulator (reference section 13).

``GET /properties`` (``select``; paged like every list), ``GET``/``PATCH``/``DELETE /properties/{id}``,
``POST /properties``.

* A property is ``{"id", "name", "values": [{"id", "name"}]}``; ``name`` is required on create and every value
  name must be a non-empty string. A create takes values without ids; a PATCH's ``values`` replaces the whole
  list: an item with ``"id": 0`` (or none) is a new value, an item with an id keeps that value (renamed to the
  item's name); an id the property does not hold is refused (400). A value name given twice is refused.
* The simulator's reading of what the reference leaves open: a value dropped by a PATCH is cleared from the
  monitors that held it, and deleting a property removes it from every monitor (as the API says).
* Value ids count up across properties from 500.
"""

import copy

from sim_store import ApiError, Errors, ObjectKind, screen_body

FIELD_TYPES = {'name': 'string', 'values': 'list'}
FIRST_VALUE_ID = 500


class Properties(ObjectKind, path='properties', first_id=120):
    """Custom properties and their values."""

    def __init__(self, sim):
        super().__init__(sim)
        self.next_value_id = FIRST_VALUE_ID

    def restart(self):
        super().restart()
        self.next_value_id = FIRST_VALUE_ID

    def new_value_id(self):
        self.next_value_id += 1
        return self.next_value_id - 1

    def check_values(self, values, stored, errors):
        """The value items as stored (ids given to new ones), or None after adding to ``errors``."""
        known = dict((item['id'], item) for item in (stored or {}).get('values', []))
        names, result = set(), []
        for item in values:
            name = item.get('name') if isinstance(item, dict) else None
            value_id = item.get('id', 0) if isinstance(item, dict) else None
            if not isinstance(name, str) or not name.strip():
                errors.add('every value must be an object with a non-empty string name', ['values'])
                return None
            if name in names:
                errors.add('value %r is given twice' % name, ['values'])
                return None
            names.add(name)
            if isinstance(value_id, str) and value_id.isdigit():
                value_id = int(value_id)
            if value_id not in (0, None) and value_id not in known:
                errors.add('value id %r is not a value of this property' % (value_id,), ['values'])
                return None
            result.append({'id': value_id or None, 'name': name})
        return result

    def validate(self, body, stored=None):
        errors = Errors()
        data = screen_body(body, FIELD_TYPES, errors, lenient=self.lenient,
                           required=['name'] if stored is None else [key for key in ('name',) if key in body])
        if 'values' in data and isinstance(data['values'], list) and not errors:
            data['values'] = self.check_values(data['values'], stored, errors)
        errors.raise_any()
        for item in data.get('values') or []:
            if item['id'] is None:
                item['id'] = self.new_value_id()
        return data

    def new_fields(self, fields, request):
        return dict({'values': []}, **fields)

    def after_write(self, record):
        """Clear the values a PATCH dropped from the monitors that held them."""
        kept = set(item['id'] for item in record.get('values', []))
        self.strip_monitors(lambda item: str(item.get('id')) == str(record['id'])
                            and int(item.get('value_id') or 0) not in kept)

    def strip_monitors(self, drop):
        for monitor in self.sim.kinds['monitors'].records.values():
            held = monitor.get('custom_properties') or []
            monitor['custom_properties'] = [item for item in held if not drop(item)]

    def forget(self, record_ids):
        super().forget(record_ids)
        gone = set(str(record_id) for record_id in record_ids)
        self.strip_monitors(lambda item: str(item.get('id')) in gone)

    def seed_fields(self, item):
        values = []
        for value in item.get('values') or []:
            value = value if isinstance(value, dict) else {'name': value}
            values.append({'id': value.get('id') or self.new_value_id(), 'name': value.get('name')})
        return {'name': item.get('name', ''), 'values': values}

    def view(self, record):
        return {'__permissions': {'acl': 7}, 'id': record['id'], 'name': record['name'],
                'values': copy.deepcopy(record.get('values', []))}

    def value_of(self, property_id, value_id):
        """``(property, value)`` records for ids (ints or digit strings), or None when either is unknown."""
        try:
            record = self.records.get(int(property_id))
            value_id = int(value_id)
        except (TypeError, ValueError):
            return None
        for value in (record or {}).get('values', []):
            if value['id'] == value_id:
                return record, value
        return None

    # -- on monitors --------------------------------------------------------------------------------------------

    def monitor_items(self, items):
        """A monitor's ``custom_properties`` as written (``[{"id", "value_id"}]``, names ignored) as stored; 400 for
        an item that is no value of a known property, or for two values of one property. The array replaces the
        monitor's (this simulator's reading)."""
        stored, seen = [], set()
        for item in items:
            found = self.value_of(item.get('id'), item.get('value_id')) if isinstance(item, dict) else None
            if found is None:
                raise ApiError(400, 'custom_properties: %r is no value of a custom property' % (item,),
                               fields=['custom_properties'])
            if found[0]['id'] in seen:
                raise ApiError(400, 'custom_properties: property %d is given twice' % found[0]['id'],
                               fields=['custom_properties'])
            seen.add(found[0]['id'])
            stored.append({'id': found[0]['id'], 'value_id': found[1]['id']})
        return stored

    def monitor_view(self, items):
        """A monitor's stored ``custom_properties`` as GET shows them: ``{"id", "name", "value", "value_id"}``."""
        shown = []
        for item in items or []:
            found = self.value_of(item.get('id'), item.get('value_id'))
            if found is not None:
                shown.append({'id': found[0]['id'], 'name': found[0]['name'], 'value': found[1]['name'],
                              'value_id': found[1]['id']})
        return shown
