package web

import (
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"amur"
)

// The types whose JSON form is a string read by their own UnmarshalJSON.
var (
	unmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	dateType        = reflect.TypeFor[amur.Date]()
	momentType      = reflect.TypeFor[amur.Moment]()
	timeType        = reflect.TypeFor[time.Time]()
)

// typeOfPointee returns the type dst points to.
func typeOfPointee(dst any) reflect.Type {
	return reflect.TypeOf(dst).Elem()
}

// checkShape reports the first value of the parsed JSON v that does not fit
// Go type t: an unknown member, a value of the wrong JSON type, a number out
// of range, or a date that does not exist. json.Unmarshal reports the first
// two without the member's path and the last without any, so the check
// runs before it. Members are visited in sorted order, which keeps the
// reported error stable. null fits every type and leaves its zero value.
func checkShape(path string, v any, t reflect.Type) error {
	if v == nil {
		return nil
	}
	if t.Kind() == reflect.Pointer {
		return checkShape(path, v, t.Elem())
	}
	if reflect.PointerTo(t).Implements(unmarshalerType) {
		return checkUnmarshaler(path, v, t)
	}
	switch t.Kind() {
	case reflect.Struct:
		return checkStruct(path, v, t)
	case reflect.Map:
		obj, ok := v.(map[string]any)
		if !ok || t.Key().Kind() != reflect.String {
			return wrongType(path, "object")
		}
		for _, k := range sortedKeys(obj) {
			if err := checkShape(joinPath(path, k), obj[k], t.Elem()); err != nil {
				return err
			}
		}
	case reflect.Slice, reflect.Array:
		arr, ok := v.([]any)
		if !ok {
			return wrongType(path, "array")
		}
		if t.Kind() == reflect.Array && len(arr) > t.Len() {
			return amur.Invalid(path, "err.too_many", "max", t.Len())
		}
		for i, e := range arr {
			if err := checkShape(indexPath(path, i), e, t.Elem()); err != nil {
				return err
			}
		}
	case reflect.String:
		if _, ok := v.(string); !ok {
			return wrongType(path, "string")
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			return wrongType(path, "boolean")
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return checkNumber(path, v, t)
	case reflect.Interface:
		return nil
	default:
		return wrongType(path, t.Kind().String())
	}
	return nil
}

// checkStruct checks an object against the JSON members of struct t.
func checkStruct(path string, v any, t reflect.Type) error {
	obj, ok := v.(map[string]any)
	if !ok {
		return wrongType(path, "object")
	}
	members := membersOf(t)
	for _, k := range sortedKeys(obj) {
		mt, ok := members[k]
		if !ok {
			return amur.Invalid(joinPath(path, k), "err.json_unknown")
		}
		if err := checkShape(joinPath(path, k), obj[k], mt); err != nil {
			return err
		}
	}
	return nil
}

// checkNumber checks that v is a number that fits integer or float type t.
func checkNumber(path string, v any, t reflect.Type) error {
	// A value that is not a number gives "", which no parser accepts.
	n, _ := v.(json.Number)
	var err error
	want := "integer"
	switch t.Kind() {
	case reflect.Float32, reflect.Float64:
		want = "number"
		_, err = strconv.ParseFloat(string(n), t.Bits())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		_, err = strconv.ParseUint(string(n), 10, t.Bits())
	default:
		_, err = strconv.ParseInt(string(n), 10, t.Bits())
	}
	if err != nil {
		return wrongType(path, want)
	}
	return nil
}

// checkUnmarshaler runs the type's own UnmarshalJSON on v and turns its
// plain error into a coded one naming path.
func checkUnmarshaler(path string, v any, t reflect.Type) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if reflect.New(t).Interface().(json.Unmarshaler).UnmarshalJSON(b) == nil {
		return nil
	}
	s, isString := v.(string)
	switch {
	case !isString:
		return wrongType(path, "string")
	case t == dateType:
		return amur.Invalid(path, "err.date", "value", s)
	case t == momentType:
		return amur.Invalid(path, "err.moment", "value", s)
	case t == timeType:
		return amur.Invalid(path, "err.timestamp", "value", s)
	}
	return amur.Invalid(path, "err.invalid")
}

// wrongType returns an err.json_type naming path and the JSON type wanted.
func wrongType(path, want string) error {
	return amur.Invalid(path, "err.json_type", "want", want)
}

// sortedKeys returns the keys of obj in order.
func sortedKeys(obj map[string]any) []string {
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// memberCache holds membersOf results; records are decoded often and
// their types never change.
var memberCache sync.Map

// membersOf maps the JSON member names of struct t to their types,
// flattening embedded structs the way encoding/json does.
func membersOf(t reflect.Type) map[string]reflect.Type {
	if m, ok := memberCache.Load(t); ok {
		return m.(map[string]reflect.Type)
	}
	m := map[string]reflect.Type{}
	for f := range t.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch {
		case name == "-" || !f.IsExported() && !f.Anonymous:
			continue
		case f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct:
			for k, v := range membersOf(f.Type) {
				if _, shadowed := m[k]; !shadowed {
					m[k] = v
				}
			}
			continue
		case name == "":
			name = f.Name
		}
		m[name] = f.Type
	}
	memberCache.Store(t, m)
	return m
}
