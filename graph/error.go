package graph

import (
	"errors"
	"fmt"
)

// Error codes. They name what went wrong from the caller's side; the API maps
// each to one HTTP status in a single table.
const (
	ECONFLICT    = "conflict"    // e.g. an ambiguous entity name
	EINTERNAL    = "internal"    // a bug or a backend failure; details are logged, not shown
	EINVALID     = "invalid"     // malformed input or parameters
	ENOTFOUND    = "not_found"   // no such entity, relation or article
	EUNAVAILABLE = "unavailable" // the backend cannot be reached
	ETOOLARGE    = "too_large"   // input over a size limit
)

// Error is an error meant for the user: a code from the list above and a
// message safe to show. Backend errors are wrapped into EINTERNAL or
// EUNAVAILABLE with a generic message so that driver details never reach
// clients.
type Error struct {
	Code    string
	Message string
	// Candidates lists the entities an ambiguous name could mean (ECONFLICT).
	Candidates []Entity
	// Err is the underlying cause, kept for logs and errors.Is.
	Err error
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %s: %v", e.Code, e.Message, e.Err)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Wrap returns an *Error with the code and message that keeps err as its
// cause. It is how backends report driver failures without showing them.
func Wrap(code string, err error, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), Err: err}
}

// ErrorCode returns the code of the first *Error in err's chain, "" for nil
// and EINTERNAL for any other error.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the message of the first *Error in err's chain, and a
// generic message for any other error so internals are not shown.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}
