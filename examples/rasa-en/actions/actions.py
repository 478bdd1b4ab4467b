"""Custom actions of the Swiftparcel assistant (run by the Rasa action server)."""
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

# Postcodes the carrier does not deliver to (e.g. offshore islands).
UNSERVED_POSTCODE_PREFIXES = ("HS", "ZE", "KW15", "KW16", "KW17")


class ActionIdentifyCustomer(Action):
    def name(self) -> Text:
        return "action_identify_customer"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        returning = any(e.get("event") == "session_started" for e in tracker.events[:-1])
        if returning:
            dispatcher.utter_message(response="utter_welcome_back")
        else:
            dispatcher.utter_message(response="utter_greet")
            dispatcher.utter_message(response="utter_introduce_assistant")
        return [SlotSet("returning_customer", returning)]


class ActionCheckAddress(Action):
    def name(self) -> Text:
        return "action_check_address"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        postcode = (tracker.get_slot("postcode") or "").replace(" ", "").upper()
        if postcode.startswith(UNSERVED_POSTCODE_PREFIXES):
            return []
        dispatcher.utter_message(text="Done, we'll deliver to the new address.")
        return []
